package io.ledgernode.reconciler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.chain.GatewayChainReader;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.report.ResultHandOff;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.run.Runner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a reconciliation of the running node beside a bare scan of the same chain state (the same paged queries
 * and block stream, no comparison). Seeds accounts {@code bench-0000000...} with {@code Accounts:openMany} (at most
 * bulkOpenMax per transaction) if fewer than asked for exist, then funds every {@code fundEvery}-th new one: mints
 * into a few funding accounts and pays out with {@code Money:transferBatch}.
 *
 * <p>Usage: {@code ReconcileBenchmark <LEDGER_HOME> [accounts=1000000] [fundEvery=10]}
 */
public final class ReconcileBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSET = "BENCH";
    private static final int IN_FLIGHT = 4;

    private ReconcileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("LEDGER_HOME", ".ledger/local"));
        long wanted = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int fundEvery = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ReconcilerConfig config = ReconcilerConfig.load(Optional.empty(), Map.of("network.home", home.toString()));
        NetworkProfile profile = NetworkProfile.ofHome(home);
        try (HikariDataSource own = ReconcilerDatabase.pool(config.database(), home, "bench-reconciler", false);
             HikariDataSource mirror = ReconcilerDatabase.pool(config.mirror(), home, "bench-mirror", true);
             LedgerConnection connection = LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults())) {
            ReconcilerDatabase.migrate(own);
            LedgerClient client = new LedgerClient(connection);
            JsonNode limits = JSON.readTree(client.evaluate("Governance:config", ""));
            int pageSizeMax = limits.path("pageSizeMax").asInt();
            long existing = benchAccounts(mirror);
            if (existing < wanted) {
                seed(client, existing, wanted, limits.path("bulkOpenMax").asInt(), limits.path("batchLegsMax").asInt(), fundEvery);
            }
            long height;
            try (GatewayChainReader chain = GatewayChainReader.open(profile, "Org1", "User1")) {
                height = chain.height();
            }
            awaitMirror(mirror, height);
            long accounts = allAccounts(mirror);
            System.out.printf(Locale.ROOT, "chain: %,d accounts (%,d bench), height %,d; page size %d%n", accounts,
                    benchAccounts(mirror), height, pageSizeMax);

            Scan scan = bareScan(profile, pageSizeMax);
            System.out.printf(Locale.ROOT, "bare scan: %,d account pages in %.1f s, %,d assets in %.2f s, %,d blocks in %.1f s: %.1f s"
                    + " (%,.0f accounts/s)%n", scan.accountPages, scan.accountSeconds, scan.assets, scan.assetSeconds, scan.blocks,
                    scan.blockSeconds, scan.total(), accounts / scan.accountSeconds);

            ReconcilerConfig.Compare compare = ReconcilerConfig.load(Optional.empty(), Map.of("network.home", home.toString(),
                    "compare.pageSize", Integer.toString(pageSizeMax))).compare();
            LiveHeap live = LiveHeap.start();
            long started = System.nanoTime();
            RunOutcome outcome = new Runner(compare, own, mirror, () -> GatewayChainReader.open(profile, "Org1", "User1"),
                    ResultHandOff.logging(), "benchmark", Clock.systemUTC()).runOnce(Trigger.ON_DEMAND, BlockCoverage.FULL);
            double seconds = (System.nanoTime() - started) / 1e9;
            live.stop();
            System.out.printf(Locale.ROOT, "reconciliation: %.1f s (%,.0f accounts/s), %.2f x the bare scan; heap limit %,d MiB,"
                    + " live heap after GC at most %,d MiB; %s%n", seconds, accounts / seconds, seconds / scan.total(),
                    Runtime.getRuntime().maxMemory() >> 20, live.peakMiB(), describe(outcome));
        }
    }

    private record Scan(long accountPages, double accountSeconds, long assets, double assetSeconds, long blocks, double blockSeconds) {
        double total() {
            return accountSeconds + assetSeconds + blockSeconds;
        }
    }

    /** The reconciliation's chain reads alone: the same pages (with the height reads around each) and the block stream. */
    private static Scan bareScan(NetworkProfile profile, int pageSize) {
        try (GatewayChainReader chain = GatewayChainReader.open(profile, "Org1", "User1")) {
            long started = System.nanoTime();
            long pages = 0;
            String bookmark = "";
            do {
                chain.height();
                AccountLinesPage page = chain.accounts(pageSize, bookmark);
                chain.height();
                bookmark = page.bookmark();
                pages++;
            } while (!bookmark.isEmpty());
            double accountSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            long assets = 0;
            bookmark = "";
            do {
                AssetLinesPage page = chain.assets(pageSize, bookmark);
                assets += page.assets().size();
                bookmark = page.bookmark();
            } while (!bookmark.isEmpty());
            double assetSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            long height = chain.height();
            AtomicLong blocks = new AtomicLong();
            chain.blocks(0, height, block -> blocks.incrementAndGet());
            return new Scan(pages, accountSeconds, assets, assetSeconds, blocks.get(), (System.nanoTime() - started) / 1e9);
        }
    }

    private static void seed(LedgerClient client, long from, long to, int bulkOpenMax, int legsMax, int fundEvery) throws Exception {
        if (client.submit("Assets:register", "{\"code\":\"" + ASSET + "\",\"decimals\":2}") instanceof SubmitOutcome.Rejected rejected
                && !rejected.code().name().equals("ASSET_EXISTS")) {
            throw new IllegalStateException("cannot register " + ASSET + ": " + rejected);
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<?>> pending = new ArrayList<>();
        for (long first = from; first < to; first += bulkOpenMax) {
            long start = first;
            long end = Math.min(to, first + bulkOpenMax);
            pending.add(pool.submit(() -> openMany(client, start, end)));
        }
        awaitAll(pending);
        System.out.printf(Locale.ROOT, "seeded %,d accounts in %.1f s%n", to - from, (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        List<Long> funded = new ArrayList<>();
        for (long n = from; n < to; n += fundEvery) {
            funded.add(n);
        }
        int funders = IN_FLIGHT * 2;
        for (int f = 0; f < funders; f++) {
            int funder = f;
            pending.add(pool.submit(() -> fund(client, funder, funded.subList(funded.size() * funder / funders,
                    funded.size() * (funder + 1) / funders), legsMax)));
        }
        awaitAll(pending);
        pool.shutdown();
        System.out.printf(Locale.ROOT, "funded %,d accounts in %.1f s%n", funded.size(), (System.nanoTime() - started) / 1e9);
    }

    private static void openMany(LedgerClient client, long start, long end) {
        StringBuilder request = new StringBuilder("{\"accounts\":[");
        for (long n = start; n < end; n++) {
            request.append(n == start ? "" : ",").append("{\"id\":\"").append(id(n)).append("\",\"asset\":\"").append(ASSET)
                    .append("\",\"ownerRef\":\"bench\",\"jurisdiction\":\"").append(n % 3 == 0 ? "FR" : "DE").append("\"}");
        }
        submitUntilDone(client, "Accounts:openMany", request.append("]}").toString());
    }

    /** One funding account pays its slice of accounts 1..100 minor units each, a batch of legs per transaction. */
    private static void fund(LedgerClient client, int funder, List<Long> accounts, int legsMax) {
        if (accounts.isEmpty()) {
            return;
        }
        String source = "benchfund-" + funder + "-" + accounts.get(0);
        submitUntilDone(client, "Accounts:open", "{\"id\":\"" + source + "\",\"asset\":\"" + ASSET
                + "\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}");
        submitUntilDone(client, "Money:mint", "{\"idempotencyKey\":\"" + source + "\",\"account\":\"" + source
                + "\",\"amount\":\"" + (accounts.size() * 100L) + "\"}");
        for (int i = 0; i < accounts.size(); i += legsMax) {
            StringBuilder legs = new StringBuilder("{\"idempotencyKey\":\"" + source + "-" + i + "\",\"legs\":[");
            for (int j = i; j < Math.min(accounts.size(), i + legsMax); j++) {
                legs.append(j == i ? "" : ",").append("{\"from\":\"").append(source).append("\",\"to\":\"")
                        .append(id(accounts.get(j))).append("\",\"asset\":\"").append(ASSET).append("\",\"amount\":\"")
                        .append(1 + accounts.get(j) % 100).append("\"}");
            }
            submitUntilDone(client, "Money:transferBatch", legs.append("]}").toString());
        }
    }

    /** Submits until committed; an MVCC conflict or a lost commit status is retried (idempotently where keyed). */
    private static void submitUntilDone(LedgerClient client, String transaction, String argument) {
        for (int attempt = 1; attempt <= 10; attempt++) {
            SubmitOutcome outcome = client.submit(transaction, argument);
            switch (outcome) {
                case SubmitOutcome.Committed committed -> {
                    return;
                }
                case SubmitOutcome.Rejected rejected -> {
                    if (rejected.code().name().equals("ACCOUNT_EXISTS")) {
                        return;
                    }
                    throw new IllegalStateException(transaction + " rejected: " + rejected);
                }
                case SubmitOutcome.Invalidated invalidated -> { }
                case SubmitOutcome.Unknown unknown -> { }
                case SubmitOutcome.Unavailable unavailable -> { }
            }
        }
        throw new IllegalStateException(transaction + " did not commit in 10 attempts");
    }

    private static void awaitAll(List<Future<?>> pending) throws Exception {
        for (Future<?> future : pending) {
            future.get();
        }
        pending.clear();
    }

    private static String id(long n) {
        return String.format("bench-%07d", n);
    }

    private static long benchAccounts(HikariDataSource mirror) throws Exception {
        return count(mirror, "SELECT count(*) FROM mirror.accounts WHERE id LIKE 'bench-%'");
    }

    private static long allAccounts(HikariDataSource mirror) throws Exception {
        return count(mirror, "SELECT count(*) FROM mirror.accounts");
    }

    private static long count(HikariDataSource mirror, String sql) throws Exception {
        try (Connection connection = mirror.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long count = rs.getLong(1);
            connection.rollback();
            return count;
        }
    }

    private static void awaitMirror(HikariDataSource mirror, long height) throws Exception {
        long started = System.nanoTime();
        while (count(mirror, "SELECT next_block FROM bridge.checkpoint WHERE id = 1") < height) {
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "mirror caught up with height %,d after %.1f s%n", height, (System.nanoTime() - started) / 1e9);
    }

    private static String describe(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Clean clean -> "run " + clean.runId() + " clean, " + clean.summary().accountsCompared()
                    + " accounts, consistent at block " + clean.summary().consistentBlock();
            case RunOutcome.BreaksFound found -> "run " + found.runId() + ": " + found.summary().breaksByType();
            case RunOutcome.Busy busy -> "busy: " + busy.holder();
            case RunOutcome.Failed failed -> "failed: " + failed.reason();
        };
    }

    /**
     * The most heap in use just after a garbage collection while the run lasts: the live set, which is what must stay
     * bounded (heap in use between collections is mostly garbage and says little).
     */
    private static final class LiveHeap {
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long peak;

        private LiveHeap() {
            sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    long afterGc = 0;
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                            afterGc += pool.getCollectionUsage().getUsed();
                        }
                    }
                    peak = Math.max(peak, afterGc);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static LiveHeap start() {
            return new LiveHeap();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long peakMiB() {
            return peak >> 20;
        }
    }
}
