package io.ledgernode.bridge.bench;

import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.bridge.rebuild.MirrorRebuild;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives sustained transfers through the running network and prints: the chain's commit rate, the bridge's lag from
 * a block's commit (the first moment a client learned a transaction of it committed) to its mirror commit (p50,
 * p99), and the replay rate of a rebuild of the mirror from block 0. Run with {@code scripts/ledger bench}.
 */
public final class BridgeBenchmark {

    private static final int SENDERS = 16;
    private static final Duration LOAD = Duration.ofSeconds(20);

    private BridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        io.ledgernode.process.Logs.configure(io.ledgernode.bridge.SyncBridge.QUIET_LOGGERS);
        Path home = Path.of(args.length > 0 ? args[0] : ".ledger/local");
        Properties node = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("network/node.properties"))) {
            node.load(reader);
        }
        NetworkProfile profile = NetworkProfile.ofHome(home);
        String run = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
        Map<Long, Instant> firstCommitSeen = new ConcurrentHashMap<>();
        AtomicInteger committed = new AtomicInteger();
        Instant start;
        Instant end;
        try (LedgerConnection org1 = LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults())) {
            LedgerClient client = new LedgerClient(org1);
            String asset = "L" + run;
            List<String> senders = setUp(client, asset, run);
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            start = Instant.now();
            Instant stopAt = start.plus(LOAD);
            List<Future<?>> workers = new ArrayList<>();
            for (String sender : senders) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; Instant.now().isBefore(stopAt); i++) {
                        SubmitOutcome outcome = client.submit("Money:transfer", "{\"idempotencyKey\":\"" + sender + "-" + i + "\",\"from\":\""
                                + sender + "\",\"to\":\"sink-" + run + "\",\"asset\":\"" + asset + "\",\"amount\":\"1\"}");
                        if (outcome instanceof SubmitOutcome.Committed c) {
                            firstCommitSeen.merge(c.blockNumber(), Instant.now(), (a, b) -> a.isBefore(b) ? a : b);
                            committed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            end = Instant.now();
            pool.shutdown();
        }
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        System.out.printf("chain: %d transfers committed in %.1f s by %d senders: %.1f transfers/s in %d blocks%n",
                committed.get(), seconds, SENDERS, committed.get() / seconds, firstCommitSeen.size());

        List<Long> lags = lags(node.getProperty("database.jdbcUrl"), firstCommitSeen);
        Collections.sort(lags);
        System.out.printf("bridge lag, block commit to mirror commit (%d blocks): p50 %d ms, p99 %d ms, max %d ms%n",
                lags.size(), percentile(lags, 50), percentile(lags, 99), lags.get(lags.size() - 1));

        BridgeConfig config = BridgeConfig.load(Optional.empty(), Map.of(
                "network.home", home.toString(), "database.url", node.getProperty("database.jdbcUrl")));
        MirrorRebuild.rebuild(config, profile, "ledger_bench_rebuild", "postgres");
    }

    private static List<String> setUp(LedgerClient client, String asset, String run) {
        must(client.submit("Assets:register", "{\"code\":\"" + asset + "\",\"decimals\":2}"));
        StringBuilder accounts = new StringBuilder(account("sink-" + run, asset));
        StringBuilder legs = new StringBuilder();
        List<String> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String sender = "lag-s" + s + "-" + run;
            senders.add(sender);
            accounts.append(',').append(account(sender, asset));
            legs.append(s == 0 ? "" : ",").append("{\"from\":\"treasury-").append(run).append("\",\"to\":\"").append(sender)
                    .append("\",\"asset\":\"").append(asset).append("\",\"amount\":\"1000000\"}");
        }
        accounts.append(',').append(account("treasury-" + run, asset));
        must(client.submit("Accounts:openMany", "{\"accounts\":[" + accounts + "]}"));
        must(client.submit("Money:mint", "{\"idempotencyKey\":\"lag-mint-" + run + "\",\"account\":\"treasury-" + run + "\",\"amount\":\"100000000\"}"));
        must(client.submit("Money:transferBatch", "{\"idempotencyKey\":\"lag-fund-" + run + "\",\"legs\":[" + legs + "]}"));
        return senders;
    }

    /** Per block: mirror commit time minus the first time a client saw one of its transactions committed. */
    private static List<Long> lags(String jdbcUrl, Map<Long, Instant> firstCommitSeen) throws Exception {
        long highest = firstCommitSeen.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Long> lags = new ArrayList<>();
        try (Connection mirror = DriverManager.getConnection(jdbcUrl, "ledger_bridge", "")) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (next(mirror) <= highest && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            try (PreparedStatement select = mirror.prepareStatement("SELECT number, mirrored_at FROM mirror.blocks WHERE number = ANY (?)")) {
                select.setArray(1, mirror.createArrayOf("bigint", firstCommitSeen.keySet().toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Instant mirrored = rs.getTimestamp(2).toInstant();
                        lags.add(Math.max(0, Duration.between(firstCommitSeen.get(rs.getLong(1)), mirrored).toMillis()));
                    }
                }
            }
        }
        return lags;
    }

    private static long next(Connection mirror) throws Exception {
        try (ResultSet rs = mirror.createStatement().executeQuery("SELECT next_block FROM bridge.checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String account(String id, String asset) {
        return "{\"id\":\"" + id + "\",\"asset\":\"" + asset + "\",\"ownerRef\":\"o-" + id + "\",\"jurisdiction\":\"DE\"}";
    }

    private static void must(SubmitOutcome outcome) {
        if (!(outcome instanceof SubmitOutcome.Committed)) {
            throw new IllegalStateException("benchmark set-up failed: " + outcome);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
