package io.ledgernode.node;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.node.account.AccountsService;
import io.ledgernode.node.auth.TokenVerifier;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.explorer.ExplorerService;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.issuance.IssuanceService;
import io.ledgernode.node.mirror.MirrorReader;
import io.ledgernode.node.transfer.TransfersService;
import java.time.Clock;
import java.util.Map;

/** The node-service process: reads its configuration, connects to the chain and the mirror, serves the API. */
public final class NodeService {

    private NodeService() {
    }

    /** What the routes need; tests give their own. */
    public record Parts(Requests requests, MirrorReader mirror, LedgerWriter writer, NodeConfig config) {
    }

    public static void main(String[] args) {
        // One line per log record (the JDK's default format takes two).
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        Config root = Config.create();
        NodeConfig config;
        try {
            config = NodeConfig.from(root);
        } catch (RuntimeException e) {
            System.err.println("node-service: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        NetworkProfile profile = NetworkProfile.ofHome(config.ledgerHome());
        LedgerConnection connection = LedgerConnection.open(profile, config.org(), config.identity(), GatewayTimeouts.defaults());
        HikariDataSource pool = pool(config.mirror());
        Parts parts = new Parts(new Requests(TokenVerifier.create(config.auth(), Clock.systemUTC()),
                new io.ledgernode.node.http.RateLimiter(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), Clock.systemUTC())), new MirrorReader(pool),
                new LedgerWriter(new LedgerClient(connection)::submit, config.conflictRetriesMax()), config);
        WebServer server = WebServer.builder()
                .config(root.get("server"))
                .routing(routing -> routing(routing, parts))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            connection.close();
            pool.close();
        }, "node-stop"));
        System.out.println("node-service listening on http://" + root.get("server.host").asString().orElse("127.0.0.1") + ":" + server.port());
    }

    /** The whole route table: health, then the versioned API. Shared by the process and the tests. */
    public static void routing(HttpRouting.Builder routing, Parts parts) {
        NodeConfig config = parts.config();
        ApiErrors.register(routing);
        routing.addFilter(new io.ledgernode.node.http.AccessLog());
        byte[] openapi = openapi();
        routing.get("/openapi", (request, response) -> {
                    response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/yaml");
                    response.send(openapi);
                })
                .get("/health/live", (request, response) -> Json.send(response, Status.OK_200, Map.of("status", "UP")))
                .get("/health/ready", (request, response) -> {
                    long height = parts.mirror().height();
                    Json.send(response, Status.OK_200, Map.of("status", "UP", "mirrorHeight", height));
                })
                .register("/v1/accounts", new AccountsService(parts.requests(), parts.mirror(), parts.writer(),
                        config.minBlockWaitMax(), config.pageSizeDefault(), config.pageSizeMax()))
                .register("/v1/transfers", new TransfersService(parts.requests(), parts.writer()))
                .register("/v1/holds", new io.ledgernode.node.hold.HoldsService(parts.requests(), parts.mirror(), parts.writer()))
                .register("/v1", new IssuanceService(parts.requests(), parts.writer()))
                .register("/v1", new ExplorerService(parts.requests(), parts.mirror(), config.minBlockWaitMax()));
    }

    /** The API's OpenAPI document, kept in the repository as src/main/resources/openapi.yaml. */
    private static byte[] openapi() {
        try (var in = NodeService.class.getResourceAsStream("/openapi.yaml")) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.yaml is missing from the build", e);
        }
    }

    private static HikariDataSource pool(NodeConfig.Mirror mirror) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("mirror-reader");
        hikari.setJdbcUrl(mirror.jdbcUrl());
        hikari.setUsername(mirror.user());
        hikari.setPassword(mirror.password());
        hikari.setMaximumPoolSize(mirror.poolSizeMax());
        hikari.setReadOnly(true);
        hikari.setAutoCommit(false);
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }
}
