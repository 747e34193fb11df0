package io.ledgernode.node.proof;

import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.BundleFormatException;
import io.ledgernode.proof.bundle.BundleReader;
import io.ledgernode.proof.bundle.BundleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Another member org's attestation, from its node: {@code GET <baseUrl>/v1/attestations/{blockNumber}} (unauthenticated:
 * the answer carries only hashes and flags, and its signature speaks for itself). 404 means that org's peer does not
 * hold the block yet. The answer is read up to a bound, and must be an attestation of that block by that org.
 */
public final class RemoteAttestationSource implements AttestationSource {

    private static final Logger LOG = Logger.getLogger(RemoteAttestationSource.class.getName());
    private final String mspId;
    private final URI baseUrl;
    private final HttpClient client;
    private final Duration timeout;
    private final int bytesMax;

    /**
     * @param mspId    the org whose node this is; an attestation signed for another org is refused
     * @param baseUrl  the node's API root, e.g. {@code http://node.org2.example:8080}
     * @param timeout  the whole request's deadline
     * @param bytesMax the largest answer read (an attestation of a full block is a few kilobytes)
     */
    public RemoteAttestationSource(String mspId, URI baseUrl, HttpClient client, Duration timeout, int bytesMax) {
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (bytesMax < 1) {
            throw new IllegalArgumentException("bytesMax must be positive: " + bytesMax);
        }
        this.bytesMax = bytesMax;
    }

    /** How callers see this attester: its org, never its node's address (that stays in the node's log). */
    @Override
    public String name() {
        return mspId + "'s node";
    }

    @Override
    public Attestation attestation(long blockNumber) throws ProofException {
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v1/attestations/" + Long.toUnsignedString(blockNumber));
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", BundleWriter.MEDIA_TYPE)
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable("could not be reached", uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", uri + ": interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                throw new ProofException(ProofException.Reason.BLOCK_NOT_COMMITTED, name() + " does not hold block "
                        + Long.toUnsignedString(blockNumber) + " yet");
            }
            if (response.statusCode() != 200) {
                throw unavailable("answered HTTP " + response.statusCode(), uri + " answered " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(bytesMax + 1);
            if (bytes.length > bytesMax) {
                throw unavailable("answered more than " + bytesMax + " bytes", uri + " answered more than " + bytesMax + " bytes");
            }
            return checked(BundleReader.readAttestation(bytes), blockNumber, uri);
        } catch (IOException e) {
            throw unavailable("could not be read", uri + ": " + e);
        } catch (BundleFormatException | IllegalArgumentException e) {
            throw unavailable("did not answer an attestation", uri + " did not answer an attestation: " + e.getMessage());
        }
    }

    private Attestation checked(Attestation attestation, long blockNumber, URI uri) throws ProofException {
        if (attestation.blockNumber() != blockNumber || !attestation.mspId().equals(mspId)) {
            String wrong = "answered an attestation of block " + Long.toUnsignedString(attestation.blockNumber()) + " by "
                    + attestation.mspId();
            throw unavailable(wrong, uri + " " + wrong);
        }
        return attestation;
    }

    /**
     * Unavailable, saying {@code why} to the caller; the {@code detail} (the node's address, the JDK's reason) goes to
     * this node's log only: an auditor's answer must not map the consortium's internal addresses.
     */
    private ProofException unavailable(String why, String detail) {
        LOG.log(Level.WARNING, () -> "attestation of " + mspId + " unavailable: " + detail);
        return new ProofException(ProofException.Reason.ATTESTATION_UNAVAILABLE, name() + " " + why);
    }
}
