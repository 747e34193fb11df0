package io.ledgernode.node.transport;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.node.NodeConfig;
import io.ledgernode.node.NodeService;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.grpc.GrpcServerConfig;
import io.ledgernode.node.grpc.LedgerGrpcServer;
import io.ledgernode.node.grpc.LedgerGrpcService;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.proof.ProofException;
import io.ledgernode.node.proof.ProofQueries;
import io.ledgernode.node.testing.TestDataSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Both listeners of the node (Helidon's REST, grpc-java's gRPC) on real loopback sockets, configured from the
 * shipped application.yaml, so the limits under test are the ones a deployment gets. No chain and no mirror:
 * writes answer "ledger unavailable" and reads 503, which is all a transport test needs.
 */
final class OfflineNode implements AutoCloseable {

    private static final String ISSUER = "ledger-node-dev";
    private static final String AUDIENCE = "ledger-node";

    final WebServer rest;
    final LedgerGrpcServer grpc;
    /** A plaintext channel to the gRPC listener, shut down with the node. */
    final ManagedChannel channel;
    private final Path keys;

    private OfflineNode(WebServer rest, LedgerGrpcServer grpc, Path keys) {
        this.rest = rest;
        this.grpc = grpc;
        this.channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create()).build();
        this.keys = keys;
    }

    static OfflineNode start() {
        return start(Map.of());
    }

    /** With {@code overrides} of application.yaml's keys (e.g. a larger refusal budget for a test of something else). */
    static OfflineNode start(Map<String, String> overrides) {
        Path home = tempDir();
        Path jwks = DevTokens.ensureKey(home);
        Config root = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.create(Map.of("server.port", "0", "grpc.port", "0",
                        "node.ledger-home", home.toString(), "node.mirror.jdbc-url", "jdbc:none",
                        "node.bridge-health-url", "http://127.0.0.1:1", "auth.issuers.0.jwks-file", jwks.toString())))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        NodeConfig config = NodeConfig.from(root);
        LedgerClient.LedgerUnavailableException down = new LedgerClient.LedgerUnavailableException("no network in this test", null);
        Mirror mirror = new Mirror(TestDataSources.unreachable());
        NodeService.Parts parts = NodeService.parts(config, (transaction, argument) -> new SubmitOutcome.Unavailable("tx", "no network"),
                (transaction, argument) -> new SubmitOutcome.Unavailable("tx", "no network"), (transaction, argument) -> {
                    throw down;
                }, mirror, new ProofQueries((txId, end) -> {
                    throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, "no network in this test");
                }, block -> {
                    throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, "no network in this test");
                }, mirror), TestDataSources.unreachable(), new io.ledgernode.node.status.Consortium("ledger", "ledger", "Org1", java.util.List.of(), java.util.List.of()),
                () -> {
                    throw new IllegalStateException("no network in this test");
                });
        WebServer rest = NodeService.restServer(root.get("server"), parts).start();
        LedgerGrpcServer grpc = LedgerGrpcServer.start(GrpcServerConfig.from(root.get("grpc")),
                new LedgerGrpcService(parts.ops(), parts.watch()), parts.requests(), parts.metrics());
        return new OfflineNode(rest, grpc, home);
    }

    String walletToken(String account) {
        return DevTokens.mint(keys, ISSUER, AUDIENCE, "wallet-" + account, Set.of(Role.WALLET), Set.of(account), Optional.empty(),
                Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
        rest.stop();
    }

    private static Path tempDir() {
        try {
            Path home = Files.createTempDirectory("offline-node");
            // NodeConfig reads the attesters up writes; this node has none.
            Files.createDirectories(home.resolve("network"));
            Files.writeString(home.resolve("network/node.properties"), "# no attesters\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
