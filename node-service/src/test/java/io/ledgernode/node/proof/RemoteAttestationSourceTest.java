package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.BundleWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another org's node over real HTTP (a JDK server on loopback): each answer it may give, and what becomes of it. */
class RemoteAttestationSourceTest {
    private static final Attestation ATTESTATION = new Attestation("Org2MSP",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "ledger", 29,
            ByteString.copyFrom(new byte[] {1, 2, 3}), ByteString.copyFrom(new byte[] {0, 11}),
            ByteString.copyFrom(new byte[] {9}), ByteString.copyFrom(new byte[] {48, 6, 2, 1, 1, 2, 1, 1}));
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<byte[]> body = new AtomicReference<>(BundleWriter.writeAttestation(ATTESTATION));
    private final AtomicReference<String> path = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            byte[] bytes = body.get();
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteAttestationSource source(String mspId, int bytesMax) {
        return new RemoteAttestationSource(mspId, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                HttpClient.newHttpClient(), Duration.ofSeconds(5), bytesMax);
    }

    @Test
    void the_attestation_of_the_block_asked_for_is_read_from_the_nodes_endpoint() throws Exception {
        Attestation attestation = source("Org2MSP", 65_536).attestation(29);

        assertThat(attestation).isEqualTo(ATTESTATION);
        assertThat(path.get()).isEqualTo("/v1/attestations/29");
    }

    @Test
    void not_found_means_the_orgs_peer_does_not_hold_the_block_yet() {
        status.set(404);

        assertThat(reason(source("Org2MSP", 65_536), 29)).isEqualTo(ProofException.Reason.BLOCK_NOT_COMMITTED);
    }

    @Test
    void any_other_status_is_unavailable() {
        status.set(503);

        assertThat(reason(source("Org2MSP", 65_536), 29)).isEqualTo(ProofException.Reason.ATTESTATION_UNAVAILABLE);
    }

    @Test
    void an_answer_beyond_the_bound_is_not_read() {
        assertThat(reason(source("Org2MSP", 100), 29)).isEqualTo(ProofException.Reason.ATTESTATION_UNAVAILABLE);
    }

    @Test
    void an_attestation_of_another_block_or_by_another_org_is_refused() {
        assertThat(reason(source("Org2MSP", 65_536), 30)).isEqualTo(ProofException.Reason.ATTESTATION_UNAVAILABLE);
        assertThat(reason(source("Org3MSP", 65_536), 29)).isEqualTo(ProofException.Reason.ATTESTATION_UNAVAILABLE);
    }

    @Test
    void an_answer_that_is_not_an_attestation_is_unavailable() {
        body.set("<html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(reason(source("Org2MSP", 65_536), 29)).isEqualTo(ProofException.Reason.ATTESTATION_UNAVAILABLE);
    }

    @Test
    void a_node_that_is_not_there_is_unavailable() {
        RemoteAttestationSource nowhere = new RemoteAttestationSource("Org2MSP", URI.create("http://127.0.0.1:1"),
                HttpClient.newHttpClient(), Duration.ofSeconds(2), 65_536);

        assertThat(reason(nowhere, 29)).isEqualTo(ProofException.Reason.ATTESTATION_UNAVAILABLE);
    }

    /** What an auditor reads names the org and what went wrong, never the node's address nor a Java class. */
    @Test
    void an_unavailable_attestation_names_the_org_not_its_nodes_address() {
        status.set(429);
        String refused = catchThrowableOfType(ProofException.class, () -> source("Org2MSP", 65_536).attestation(29)).getMessage();
        RemoteAttestationSource nowhere = new RemoteAttestationSource("Org2MSP", URI.create("http://127.0.0.1:1"),
                HttpClient.newHttpClient(), Duration.ofSeconds(2), 65_536);
        String unreachable = catchThrowableOfType(ProofException.class, () -> nowhere.attestation(29)).getMessage();

        assertThat(refused).isEqualTo("Org2MSP's node answered HTTP 429");
        assertThat(unreachable).isEqualTo("Org2MSP's node could not be reached");
    }

    private static ProofException.Reason reason(RemoteAttestationSource source, long block) {
        return catchThrowableOfType(ProofException.class, () -> source.attestation(block)).reason();
    }
}
