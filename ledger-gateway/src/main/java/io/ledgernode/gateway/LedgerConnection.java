package io.ledgernode.gateway;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * One identity's connection to its org's gateway peers over TLS (the first that answers, failing over to the next).
 * Owns the gRPC channel: close it when done
 * ({@link Gateway#close()} alone leaves the channel open).
 */
public final class LedgerConnection implements AutoCloseable {

    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;
    private final Contract contract;
    private final Signer signer;

    private LedgerConnection(ManagedChannel channel, Gateway gateway, NetworkProfile profile, Signer signer) {
        this.channel = channel;
        this.gateway = gateway;
        this.network = gateway.getNetwork(profile.channel());
        this.contract = network.getContract(profile.chaincode());
        this.signer = signer;
    }

    /** Connects as {@code identityName} (e.g. {@code User1}, {@code Admin}) of {@code orgName}, to its peers. */
    public static LedgerConnection open(NetworkProfile profile, String orgName, String identityName, GatewayTimeouts timeouts) {
        return open(profile, orgName, profile.org(orgName), identityName, timeouts);
    }

    /**
     * Connects as {@code identityName} of {@code orgName} to its peer {@code peer} alone, with no failover: for
     * checks that must hear every peer's own answer (the chaos run's verdict).
     */
    public static LedgerConnection openAt(NetworkProfile profile, String orgName, NetworkProfile.Endpoint peer,
            String identityName, GatewayTimeouts timeouts) {
        NetworkProfile.Org org = profile.org(orgName);
        if (!org.gateways().contains(peer)) {
            throw new IllegalArgumentException(peer.tlsHostname() + " is not a peer of " + orgName);
        }
        return open(profile, orgName, new NetworkProfile.Org(org.mspId(), java.util.List.of(peer), org.identities()),
                identityName, timeouts);
    }

    private static LedgerConnection open(NetworkProfile profile, String orgName, NetworkProfile.Org org,
            String identityName, GatewayTimeouts timeouts) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(timeouts, "timeouts");
        NetworkProfile.Identity identity = org.identity(identityName);
        ManagedChannel channel = channel(org);
        try {
            X509Certificate certificate;
            PrivateKey key;
            try (Reader certReader = Files.newBufferedReader(identity.certificateFile());
                 Reader keyReader = Files.newBufferedReader(identity.privateKeyFile())) {
                certificate = Identities.readX509Certificate(certReader);
                key = Identities.readPrivateKey(keyReader);
            }
            Signer signer = EcdsaSigner.of(key);
            Gateway gateway = Gateway.newInstance()
                    .identity(new X509Identity(org.mspId(), certificate))
                    .signer(signer)
                    .connection(channel)
                    .evaluateOptions(options -> options.withDeadlineAfter(timeouts.evaluate().toMillis(), TimeUnit.MILLISECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(timeouts.endorse().toMillis(), TimeUnit.MILLISECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(timeouts.submit().toMillis(), TimeUnit.MILLISECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(timeouts.commitStatus().toMillis(), TimeUnit.MILLISECONDS))
                    .connect();
            return new LedgerConnection(channel, gateway, profile, signer);
        } catch (IOException e) {
            channel.shutdownNow();
            throw new UncheckedIOException("cannot read the identity files of " + identityName + "@" + orgName, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            channel.shutdownNow();
            throw new IllegalStateException("cannot use the identity " + identityName + "@" + orgName + ": " + e.getMessage(), e);
        }
    }

    /** How often an idle or busy connection to a peer is pinged, and how long an answer may take. */
    static final Duration KEEPALIVE_TIME = Duration.ofSeconds(10);
    static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * One channel to all the org's peers (see {@link OrgPeers}): the first that answers serves, the next when it is
     * lost. The peers of one org share its TLS CA, so one trust root serves them all; each is verified against its
     * own host name.
     */
    @SuppressWarnings("deprecation") // nameResolverFactory: the way to give a channel a resolver of its own, not a global one
    private static ManagedChannel channel(NetworkProfile.Org org) {
        NetworkProfile.Endpoint first = org.gateway();
        try {
            return Grpc.newChannelBuilder(OrgPeers.target(org.mspId()),
                            TlsChannelCredentials.newBuilder().trustManager(first.tlsRootCertFile().toFile()).build())
                    .nameResolverFactory(new OrgPeers(org.gateways()))
                    // A peer whose host is cut off answers nothing: without pings a call or a block stream to it
                    // would hang until TCP gives up (minutes), and the channel would not move to the next peer. The
                    // peers allow a ping every 5 s (network-config's peer environment).
                    .keepAliveTime(KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
                    .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .keepAliveWithoutCalls(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS root certificate " + first.tlsRootCertFile(), e);
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    public Network network() {
        return network;
    }

    public Contract contract() {
        return contract;
    }

    /** The signer of this identity, for transactions built by hand (see the forged-timestamp test). */
    public Signer signer() {
        return signer;
    }



    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
