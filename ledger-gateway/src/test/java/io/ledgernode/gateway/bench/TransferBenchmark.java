package io.ledgernode.gateway.bench;

import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints how long one transfer takes from submit to commit on the running network (sequential, one at a time: the
 * latency a wallet user sees), and how many transfers per second commit when many senders credit one hot account at
 * once. Run with {@code scripts/ledger bench}. It prints figures; it asserts nothing about time.
 */
public final class TransferBenchmark {

    private static final int SEQUENTIAL = 40;
    private static final int SENDERS = 32;
    private static final int TRANSFERS_PER_SENDER = 8;

    private TransferBenchmark() {
    }

    /** What one run measured: sequential submit-to-commit latency (ms) and hot-account throughput. */
    record Figures(long p50, long p90, long p99, long max, double committedPerSecond, Map<String, Integer> outcomes) {
    }

    public static void main(String[] args) throws Exception {
        Figures figures = measure(Path.of(args.length > 0 ? args[0] : ".ledger/local"));
        print(figures);
    }

    static void print(Figures f) {
        System.out.printf("single transfer, submit to commit (%d sequential): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                SEQUENTIAL, f.p50(), f.p90(), f.p99(), f.max());
        System.out.printf("hot account: %d senders x %d transfers into one account: %.1f committed transfers/s; outcomes %s%n",
                SENDERS, TRANSFERS_PER_SENDER, f.committedPerSecond(), f.outcomes());
    }

    /** Measures the network of {@code home}, as its first org's User1 (Org1, or the org whose node a host runs). */
    static Figures measure(Path home) throws Exception {
        NetworkProfile profile = NetworkProfile.ofHome(home);
        String run = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
        try (LedgerConnection org1 = LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults())) {
            LedgerClient client = new LedgerClient(org1);
            String asset = "B" + run;
            must(client.submit("Assets:register", "{\"code\":\"" + asset + "\",\"decimals\":2}"));
            String from = "bench-from-" + run;
            String to = "bench-to-" + run;
            open(client, from, asset);
            open(client, to, asset);
            must(client.submit("Money:mint", "{\"idempotencyKey\":\"bm-" + run + "\",\"account\":\"" + from + "\",\"amount\":\"1000000000\"}"));

            long[] millis = new long[SEQUENTIAL];
            for (int i = 0; i < SEQUENTIAL; i++) {
                long start = System.nanoTime();
                must(client.submit("Money:transfer", transfer(run + "-s" + i, from, to, asset)));
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);

            List<String> senders = new ArrayList<>();
            StringBuilder legs = new StringBuilder();
            StringBuilder accounts = new StringBuilder();
            for (int s = 0; s < SENDERS; s++) {
                String sender = "bench-s" + s + "-" + run;
                senders.add(sender);
                accounts.append(s == 0 ? "" : ",").append(account(sender, asset));
                legs.append(s == 0 ? "" : ",").append("{\"from\":\"").append(from).append("\",\"to\":\"").append(sender)
                        .append("\",\"asset\":\"").append(asset).append("\",\"amount\":\"100000\"}");
            }
            must(client.submit("Accounts:openMany", "{\"accounts\":[" + accounts + "]}"));
            must(client.submit("Money:transferBatch", "{\"idempotencyKey\":\"bf-" + run + "\",\"legs\":[" + legs + "]}"));

            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            long start = System.nanoTime();
            Map<String, Integer> tally = new ConcurrentSkipListMap<>();
            List<Future<?>> results = new ArrayList<>();
            for (String sender : senders) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < TRANSFERS_PER_SENDER; i++) {
                        SubmitOutcome outcome = client.submit("Money:transfer", transfer(sender + "-" + i, sender, to, asset));
                        tally.merge(kind(outcome), 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int committed = tally.getOrDefault("committed", 0);
            return new Figures(pct(millis, 50), pct(millis, 90), pct(millis, 99), millis[SEQUENTIAL - 1], committed / seconds, tally);
        }
    }


    private static String kind(SubmitOutcome outcome) {
        return switch (outcome) {
            case SubmitOutcome.Committed c -> "committed";
            case SubmitOutcome.Rejected r -> "rejected " + r.code();
            case SubmitOutcome.Invalidated i -> "invalidated " + i.code();
            case SubmitOutcome.Unknown u -> "unknown";
            case SubmitOutcome.Unavailable u -> "unavailable " + u.reason().substring(0, Math.min(80, u.reason().length()));
        };
    }

    private static void open(LedgerClient client, String id, String asset) {
        must(client.submit("Accounts:open", account(id, asset)));
    }

    private static String account(String id, String asset) {
        return "{\"id\":\"" + id + "\",\"asset\":\"" + asset + "\",\"ownerRef\":\"o-" + id + "\",\"jurisdiction\":\"DE\"}";
    }

    private static String transfer(String key, String from, String to, String asset) {
        return "{\"idempotencyKey\":\"" + key + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"asset\":\"" + asset
                + "\",\"amount\":\"1\"}";
    }

    private static void must(SubmitOutcome outcome) {
        if (!(outcome instanceof SubmitOutcome.Committed)) {
            throw new IllegalStateException("benchmark set-up failed: " + outcome);
        }
    }

    private static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
