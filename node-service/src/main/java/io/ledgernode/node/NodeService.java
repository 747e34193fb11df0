package io.ledgernode.node;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.ledgernode.api.Transactions;
import io.ledgernode.gateway.ChannelBlocks;
import io.ledgernode.gateway.CommitWatcher;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.node.account.AccountOperations;
import io.ledgernode.node.account.AccountsService;
import io.ledgernode.node.auth.TokenVerifier;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteStatusOperations;
import io.ledgernode.node.chain.WritesService;
import io.ledgernode.node.compliance.ComplianceOperations;
import io.ledgernode.node.compliance.ComplianceService;
import io.ledgernode.node.consolidation.CreditConsolidator;
import io.ledgernode.node.consolidation.GatewayCreditLedger;
import io.ledgernode.node.consolidation.MirrorCreditCounts;
import io.ledgernode.node.explorer.ExplorerQueries;
import io.ledgernode.node.explorer.ExplorerService;
import io.ledgernode.node.grpc.AccountWatch;
import io.ledgernode.node.grpc.GrpcServerConfig;
import io.ledgernode.node.grpc.LedgerGrpcServer;
import io.ledgernode.node.grpc.LedgerGrpcService;
import io.ledgernode.node.health.HealthService;
import io.ledgernode.node.health.NodeMetrics;
import io.ledgernode.node.health.Readiness;
import io.ledgernode.node.hold.HoldExpiry;
import io.ledgernode.node.hold.HoldExpiryConfig;
import io.ledgernode.node.hold.HoldOperations;
import io.ledgernode.node.hold.HoldsService;
import io.ledgernode.node.http.AccessLog;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ConnectionGuard;
import io.ledgernode.node.http.RateLimiter;
import io.ledgernode.node.http.RequestMetrics;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.http.RouteTable;
import io.ledgernode.node.issuance.IssuanceOperations;
import io.ledgernode.node.issuance.IssuanceService;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.proof.AttestationSigner;
import io.ledgernode.node.proof.AttestationSource;
import io.ledgernode.node.proof.LocalAttestationSource;
import io.ledgernode.node.proof.ProofBuilder;
import io.ledgernode.node.proof.ProofConfig;
import io.ledgernode.node.proof.ProofQueries;
import io.ledgernode.node.proof.ProofsService;
import io.ledgernode.node.proof.RemoteAttestationSource;
import io.ledgernode.node.reconciliation.ReconciliationQueries;
import io.ledgernode.node.reconciliation.ReconciliationService;
import io.ledgernode.node.report.ReportQueries;
import io.ledgernode.node.schedule.PeriodicJob;
import io.ledgernode.node.statement.StatementOperations;
import io.ledgernode.node.status.Consortium;
import io.ledgernode.node.status.Processes;
import io.ledgernode.node.status.RecentErrors;
import io.ledgernode.node.status.StatusQueries;
import io.ledgernode.node.status.StatusService;
import io.ledgernode.node.console.ConsoleFiles;
import io.ledgernode.node.console.ConsoleService;
import io.ledgernode.node.statement.StatementsService;
import io.ledgernode.node.webhook.SubscriptionsService;
import io.ledgernode.node.webhook.WebhookDispatcher;
import io.ledgernode.node.webhook.Webhooks;
import io.ledgernode.node.alert.AlertOperations;
import io.ledgernode.node.alert.AlertScanner;
import io.ledgernode.node.alert.AlertStore;
import io.ledgernode.node.alert.AlertsService;
import io.ledgernode.node.notification.NotificationDatabase;
import javax.sql.DataSource;
import io.ledgernode.node.report.ReportsService;
import io.ledgernode.node.transfer.TransferOperations;
import io.ledgernode.node.transfer.TransfersService;
import io.ledgernode.reports.ReportCatalog;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The node-service process: reads its configuration, connects to the chain and the mirror, serves REST on Helidon's
 * HTTP/1.1 listener and gRPC on grpc-java's Netty listener, each on its own port (see {@link LedgerGrpcServer} for
 * why gRPC does not share Helidon's HTTP/2).
 */
public final class NodeService {

    /** This process's last warnings and errors, for the operator's page (installed on the root logger by main). */
    static final RecentErrors RECENT_ERRORS = new RecentErrors(50);

    /** The pause before the commit-status block stream is opened again after it failed. */
    private static final Duration COMMIT_STREAM_RETRY = Duration.ofSeconds(1);

    private NodeService() {
    }

    /** What the transports need; tests give their own. */
    public record Parts(Requests requests, LedgerGrpcService.Operations ops, AccountWatch watch, ReportQueries reports,
                        ReconciliationQueries reconciliation, StatementOperations statements, Webhooks webhooks,
                        AlertOperations alerts, AlertScanner alertScanner, Readiness readiness, NodeMetrics metrics,
                        StatusQueries status, ConsoleService console) {
    }

    /**
     * Proofs from this org's peer, attested by this node and by the configured other member orgs' nodes (their
     * {@code /v1/attestations}).
     */
    private static ProofQueries proofs(NodeConfig config, NetworkProfile profile, LedgerConnection connection, Mirror mirror) {
        NodeConfig.Proof proof = config.proof();
        ChannelBlocks blocks = new ChannelBlocks(connection, proof.readTimeout());
        AttestationSigner signer = AttestationSigner.fromProfile(blocks, profile.org(config.org()).identity(config.identity()));
        List<AttestationSource> sources = new ArrayList<>(List.of(new LocalAttestationSource(signer)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(proof.remoteTimeout()).build();
        proof.attesters().forEach((org, url) -> {
            if (!org.equals(config.org())) {
                sources.add(new RemoteAttestationSource(profile.org(org).mspId(), url, http, proof.remoteTimeout(), proof.remoteBytesMax()));
            }
        });
        ProofBuilder builder = new ProofBuilder(blocks, sources, new ProofConfig(proof.headersMax(), proof.attestationWait(),
                proof.attestationRetryInterval(), Math.min(proof.attestationsRequired(), sources.size())));
        return new ProofQueries(ProofQueries.of(builder), signer::attest, mirror);
    }

    /** The channel's height at this org's peer (qscc GetChainInfo). */
    private static StatusQueries.ChainHeight chainHeight(ChannelBlocks blocks) {
        return () -> blocks.chainInfo().getHeight();
    }

    public static void main(String[] args) {
        // One line per log record (the JDK's default format takes two), as every process of the node writes them.
        io.ledgernode.process.Logs.configure();
        java.util.logging.Logger.getLogger("").addHandler(RECENT_ERRORS);
        Config root;
        NodeConfig config;
        GrpcServerConfig grpcConfig;
        try {
            root = NodeConfig.root(List.of(args));
            config = NodeConfig.from(root);
            grpcConfig = GrpcServerConfig.from(root.get("grpc"));
        } catch (RuntimeException e) {
            System.err.println("node-service: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        NetworkProfile profile = NetworkProfile.ofHome(config.ledgerHome());
        NodeConfig.Gateway gateway = config.gateway();
        LedgerConnection connection = LedgerConnection.open(profile, config.org(), config.identity(), gateway.timeouts());
        LedgerConnection compliance = LedgerConnection.open(profile, config.org(), config.complianceIdentity(), gateway.timeouts());
        HikariDataSource pool = pool(config.mirror());
        // One stream of filtered blocks tells both identities' writes their commit status (see CommitWatcher).
        Optional<LedgerClient.CommitWatch> commitWatch = gateway.commitEventWaitMax().isZero() ? Optional.empty()
                : Optional.of(new LedgerClient.CommitWatch(CommitWatcher.start(connection.network(), COMMIT_STREAM_RETRY),
                        gateway.commitEventWaitMax()));
        LedgerClient payments = new LedgerClient(connection, gateway.endorseRetry(), gateway.orderRetry(), commitWatch);
        Mirror mirror = new Mirror(pool);
        HikariDataSource notifications;
        try {
            notifications = NotificationDatabase.open(config.notifications());
        } catch (RuntimeException e) {
            System.err.println("node-service: schema " + NotificationDatabase.SCHEMA + " cannot be opened as " + config.notifications().user()
                    + " at " + config.notifications().jdbcUrl() + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Parts parts = parts(config, payments::submit, new LedgerClient(compliance, gateway.endorseRetry(), gateway.orderRetry(), commitWatch)::submit,
                payments::evaluate, mirror,
                proofs(config, profile, connection, mirror), notifications, Consortium.of(profile, config.org(), config.ledgerHome()),
                chainHeight(new ChannelBlocks(connection, gateway.timeouts().evaluate())));
        PeriodicJob webhooks = parts.webhooks().start();
        Optional<PeriodicJob> alertScan = !config.alerts().enabled() ? Optional.empty()
                : Optional.of(PeriodicJob.start("alert-scan", config.alerts().scanInterval(), () -> {
                    try {
                        AlertScanner.Round round = parts.alertScanner().round();
                        return round.alerts() == 0 ? Optional.empty()
                                : Optional.of("alerts: " + round.alerts() + " raised over " + round.entries() + " entries");
                    } catch (java.sql.SQLException e) {
                        return Optional.of("alerts: the scan could not read or write its database (" + e.getMessage() + "); next round soon");
                    }
                }));
        String mspId = profile.org(config.org()).mspId();
        Optional<PeriodicJob> consolidation = consolidation(config, mspId, mirror, payments, parts.metrics());
        Optional<PeriodicJob> holdExpiry = holdExpiry(config, mspId, mirror, payments, parts.metrics());
        WebServer server = restServer(root.get("server"), parts).start();
        LedgerGrpcServer grpc = LedgerGrpcServer.start(grpcConfig, new LedgerGrpcService(parts.ops(), parts.watch()),
                parts.requests(), parts.metrics());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consolidation.ifPresent(PeriodicJob::close);
            webhooks.close();
            alertScan.ifPresent(PeriodicJob::close);
            notifications.close();
            holdExpiry.ifPresent(PeriodicJob::close);
            grpc.close();
            server.stop();
            commitWatch.ifPresent(watch -> watch.watcher().close());
            connection.close();
            compliance.close();
            pool.close();
        }, "node-stop"));
        System.out.println("node-service listening on http://" + root.get("server.host").asString().orElse("127.0.0.1") + ":"
                + server.port() + " (REST, HTTP/1.1) and " + grpcConfig.host() + ":" + grpc.port() + " (gRPC, plaintext HTTP/2)");
    }

    /**
     * The job that releases the expired holds of this org's accounts (none when disabled), as the payments identity:
     * each org's nodes release the holds on the accounts it keeps, and nodes of one org share the keys of the releases.
     */
    private static Optional<PeriodicJob> holdExpiry(NodeConfig config, String mspId, Mirror mirror, LedgerClient payments,
                                                    NodeMetrics metrics) {
        HoldExpiryConfig settings = config.holdExpiry();
        if (!settings.enabled()) {
            return Optional.empty();
        }
        LedgerWriter writer = new LedgerWriter(payments::submit, new LedgerWriter.ConflictRetry(config.conflictRetriesMax(),
                config.gateway().conflictBackoffInitial(), config.gateway().conflictBackoffMax()), metrics::submission);
        HoldExpiry expiry = new HoldExpiry(settings, (now, limit) -> mirror.read(view -> view.expiredOpenHolds(mspId, now, limit)).value(),
                writer, Clock.systemUTC(), new HoldExpiry.Observer() {
                    @Override
                    public void released(int holds) {
                        metrics.holdsReleased(holds);
                    }

                    @Override
                    public void lag(Duration behindExpiry) {
                        metrics.holdExpiryLag(behindExpiry);
                    }
                });
        return Optional.of(PeriodicJob.start("hold-expiry", settings.interval(), () -> {
            HoldExpiry.Round round = expiry.round();
            return round.found() == 0 ? Optional.empty() : Optional.of("expired holds: " + round.released() + " released, "
                    + round.closedAlready() + " closed already, " + round.failed() + " to try again, of " + round.found()
                    + " found; the longest expired was " + round.lag().toSeconds() + " s past its expiry");
        }));
    }

    /**
     * The job that folds this org's hot accounts' pending credits (none when disabled). Its consolidations go out as
     * the payments identity, of this node's org: the chaincode lets only an account's custodian org consolidate it.
     */
    private static Optional<PeriodicJob> consolidation(NodeConfig config, String mspId, Mirror mirror, LedgerClient payments,
                                                       NodeMetrics metrics) {
        if (!config.consolidation().enabled()) {
            return Optional.empty();
        }
        LedgerWriter writer = new LedgerWriter(payments::submit, new LedgerWriter.ConflictRetry(0,
                config.gateway().conflictBackoffInitial(), config.gateway().conflictBackoffMax()), metrics::submission);
        CreditConsolidator consolidator = new CreditConsolidator(config.consolidation(), new MirrorCreditCounts(mirror, mspId),
                new GatewayCreditLedger(payments::evaluate, writer), new CreditConsolidator.Observer() {
                    @Override
                    public void consolidated(int credits) {
                        metrics.consolidated(credits);
                    }

                    @Override
                    public void pendingMax(long credits) {
                        metrics.pendingCreditsMax(credits);
                    }
                });
        return Optional.of(PeriodicJob.start("credit-consolidation", config.consolidation().interval(), () -> {
            CreditConsolidator.Round round = consolidator.round();
            return round.consolidations() == 0 ? Optional.empty() : Optional.of("consolidated " + round.creditsFolded()
                    + " credits in " + round.consolidations() + " transactions for " + round.accountsTried()
                    + " accounts (mirror counted to block " + round.countedToBlock() + ")");
        }));
    }

    /**
     * Every part from the configuration, the ledger (submissions with the payments and the compliance identity, and
     * queries) and the mirror.
     */
    public static Parts parts(NodeConfig config, LedgerWriter.Submitter payments, LedgerWriter.Submitter compliance,
                              WriteStatusOperations.Evaluator chain, Mirror mirror, ProofQueries proofs, DataSource notifications,
                              Consortium consortium, StatusQueries.ChainHeight chainHeight) {
        NodeMetrics metrics = new NodeMetrics(() -> {
            try {
                return mirror.height();
            } catch (RuntimeException e) {
                return -1;
            }
        });
        LedgerWriter.ConflictRetry conflictRetry = new LedgerWriter.ConflictRetry(config.conflictRetriesMax(),
                config.gateway().conflictBackoffInitial(), config.gateway().conflictBackoffMax());
        // A replay's answer names the original transaction's block, as this node's mirror has it.
        LedgerWriter.TxBlocks blocks = txId -> mirror.read(view -> view.validTransaction(txId)).value()
                .map(io.ledgernode.mirror.Transaction::blockNumber);
        LedgerWriter writer = new LedgerWriter(payments, conflictRetry, metrics::submission, blocks, config.sendPack(),
                Executors.newVirtualThreadPerTaskExecutor(), metrics::packed);
        metrics.packer(writer.packer());
        LedgerWriter complianceWriter = new LedgerWriter(compliance, conflictRetry, metrics::submission, blocks);
        NodeConfig.RateLimit limits = config.rateLimit();
        TokenVerifier verifier = TokenVerifier.create(config.auth(), Clock.systemUTC());
        metrics.tokenCache(verifier::cacheHits, verifier::cacheMisses);
        Requests requests = new Requests(verifier,
                new RateLimiter(limits.requestsPerSecond(), limits.burst(), Clock.systemUTC()),
                new RateLimiter(limits.refusalsPerSecond(), limits.refusalBurst(), Clock.systemUTC()));
        AlertStore alertStore = new AlertStore(notifications);
        AlertOperations alerts = new AlertOperations(alertStore, mirror, Clock.systemUTC(), config.pageSizeDefault(), config.pageSizeMax());
        LedgerGrpcService.Operations ops = new LedgerGrpcService.Operations(
                new AccountOperations(mirror, writer, config.minBlockWaitMax(), config.pageSizeDefault(), config.pageSizeMax()),
                new TransferOperations(writer, alerts::refusedFrozen),
                new HoldOperations(mirror, writer, config.minBlockWaitMax(), config.pageSizeDefault(), config.pageSizeMax()),
                new IssuanceOperations(writer),
                new ComplianceOperations(complianceWriter), new ExplorerQueries(mirror, config.minBlockWaitMax(), config.pageSizeDefault(), config.pageSizeMax()),
                new WriteStatusOperations(chain, mirror), proofs);
        Readiness readiness = new Readiness(() -> chain.evaluate(Transactions.GOVERNANCE_CONFIG, ""), mirror::height, config.bridgeReadyUrl());
        return new Parts(requests, ops, new AccountWatch(mirror, config.watch(), config.pageSizeMax()),
                new ReportQueries(new ReportCatalog(config.reportsRoot())),
                new ReconciliationQueries(new BreakReader(mirror.dataSource()), config.pageSizeDefault()),
                new StatementOperations(mirror, config.statementsConcurrentMax(), Clock.systemUTC()),
                Webhooks.of(notifications, mirror, config.webhooks(), Clock.systemUTC(), new WebhookDispatcher.Observer() {
                    @Override
                    public void firstAttempt(Duration delay) {
                        metrics.webhookDelay(delay);
                    }

                    @Override
                    public void outcome(String outcome) {
                        metrics.webhookDelivery(outcome);
                    }
                }), alerts, new AlertScanner(alertStore, mirror, config.alerts(), Clock.systemUTC()), readiness, metrics,
                new StatusQueries(consortium, chainHeight, mirror, readiness, new Processes(config.ledgerHome().resolve("run")),
                        RECENT_ERRORS, Clock.systemUTC()),
                new ConsoleService(config.console(), config.console().enabled() ? ConsoleFiles.fromClasspath() : ConsoleFiles.none(),
                        config.auth().audience(), Clock.systemUTC()));
    }

    /**
     * The REST listener from its configuration ({@code server.*}) with the route table and the JSON answers for what
     * the server refuses before routing. Shared by the process and the transport tests.
     */
    public static WebServer restServer(Config server, Parts parts) {
        WebServerConfig.Builder builder = WebServer.builder();
        ConnectionGuard.install(builder, server);
        return builder.directHandlers(ApiErrors.directHandlers())
                .routing(routing -> routing(routing, parts))
                .build();
    }

    /** The whole REST route table: health and metrics, then the versioned API. Shared by the process and the tests. */
    public static void routing(HttpRouting.Builder routing, Parts parts) {
        ApiErrors.register(routing);
        routing.addFilter(new AccessLog());
        routing.addFilter(new RequestMetrics(parts.metrics()));
        routing.addFilter(parts.requests().refusalLimit());
        List<RouteTable.Mount> mounts = mounts(parts);
        for (RouteTable.Mount mount : mounts) {
            if (mount.prefix().isEmpty()) {
                routing.register(mount.service());
            } else {
                routing.register(mount.prefix(), mount.service());
            }
        }
        // The console is not part of the versioned API (nor of its OpenAPI document): served beside it.
        routing.register(parts.console());
        // Last: what no route took is a 404, or a 405 naming the methods the path has.
        routing.any(RouteTable.of(mounts).unmatched());
    }

    /** Every REST service with the prefix it is served under. */
    public static List<RouteTable.Mount> mounts(Parts parts) {
        LedgerGrpcService.Operations ops = parts.ops();
        Requests requests = parts.requests();
        byte[] openapi = openapi();
        HttpService document = rules -> rules.get("/openapi", (request, response) -> {
            response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/yaml");
            response.send(openapi);
        });
        return List.of(new RouteTable.Mount("", document),
                new RouteTable.Mount("", new HealthService(parts.readiness(), parts.metrics())),
                new RouteTable.Mount("/v1/accounts", new AccountsService(requests, ops.accounts(), ops.holds())),
                new RouteTable.Mount("/v1/accounts", new ComplianceService(requests, ops.compliance())),
                new RouteTable.Mount("/v1/accounts", new StatementsService(requests, parts.statements())),
                new RouteTable.Mount("/v1/transfers", new TransfersService(requests, ops.transfers())),
                new RouteTable.Mount("/v1/holds", new HoldsService(requests, ops.holds())),
                new RouteTable.Mount("/v1/writes", new WritesService(requests, ops.writes())),
                new RouteTable.Mount("/v1/subscriptions", new SubscriptionsService(requests, parts.webhooks().operations())),
                new RouteTable.Mount("/v1/alerts", new AlertsService(requests, parts.alerts())),
                new RouteTable.Mount("/v1/reports", new ReportsService(requests, parts.reports())),
                new RouteTable.Mount("/v1/reconciliation", new ReconciliationService(requests, parts.reconciliation())),
                new RouteTable.Mount("/v1", new IssuanceService(requests, ops.issuance())),
                new RouteTable.Mount("/v1", new ExplorerService(requests, ops.explorer())),
                new RouteTable.Mount("/v1", new ProofsService(requests, ops.proofs())),
                new RouteTable.Mount("/v1", new StatusService(requests, parts.status())));
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
