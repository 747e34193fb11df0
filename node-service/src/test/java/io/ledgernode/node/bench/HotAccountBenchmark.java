package io.ledgernode.node.bench;

import static io.ledgernode.node.bench.BenchApi.interleaved;
import static io.ledgernode.node.bench.BenchApi.mint;
import static io.ledgernode.node.bench.BenchApi.node;
import static io.ledgernode.node.bench.BenchApi.openAccount;
import static io.ledgernode.node.bench.BenchApi.registerAsset;
import static io.ledgernode.node.bench.BenchApi.runId;
import static io.ledgernode.node.bench.BenchApi.token;

import io.ledgernode.api.Amount;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.PendingCreditsRequest;
import io.ledgernode.api.account.PendingCreditsResult;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.bench.BenchApi.Indexed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16 item 2 against the running node: seeds one account with many credits and no debit (batch transfers of
 * {@link #LEGS} legs from a few funded senders, the node's consolidation job folding them meanwhile), then prints, back
 * to back, the latency of {@code Accounts:get} on that account beside a normal account's, and the credits per second
 * into one account beside disjoint transfers by the same clients. Arguments: LEDGER_HOME, then the number of credits
 * to seed (default 100,000), then optionally the id of an account an earlier run seeded, to measure again unseeded. It prints figures; it asserts nothing about time.
 */
public final class HotAccountBenchmark {

    private static final int CLIENTS = 16;
    /** Legs of one seeding batch: the channel's default batchLegsMax. */
    private static final int LEGS = 100;
    private static final int READS = 2_000;
    private static final int TRANSFERS_PER_CLIENT = 20;
    /** node.consolidation.threshold as shipped: the job leaves fewer credits than this unfolded. */
    private static final int THRESHOLD = 64;
    private static final Duration FOLD_WAIT_MAX = Duration.ofMinutes(20);
    /** Submissions of one request the network did not take (a loaded machine's endorsement timeouts) before giving up. */
    private static final int ATTEMPTS_MAX = 5;

    private HotAccountBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".ledger/local");
        int credits = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Properties node = node(home);
        String api = node.getProperty("api.url");
        Path keys = Path.of(node.getProperty("auth.devDir"));
        String run = runId();
        Setup setup = Setup.open(api, keys, run);
        try (LedgerConnection org1 = LedgerConnection.open(NetworkProfile.ofHome(home), node.getProperty("node.org", "Org1"), "User1",
                GatewayTimeouts.defaults())) {
            LedgerClient gateway = new LedgerClient(org1);
            // A third argument names an account seeded before (by an earlier run): its reads are measured again, unseeded.
            String hotAccount = args.length > 2 ? args[2] : setup.hot();
            if (args.length <= 2) {
                seed(gateway, setup, credits);
            }
            awaitFolded(gateway, hotAccount);
            // Warm both paths, then measure them side by side (half the clients read each), so the machine's load weighs on
            // both alike.
            readsInterleaved(gateway, 200, hotAccount, setup.normal());
            double[] justFolded = readsInterleaved(gateway, READS, hotAccount, setup.normal());
            int transfers = CLIENTS * TRANSFERS_PER_CLIENT;
            Measured disjoint = measure(transfers, i -> submit(gateway, TransferRequest.of("d-" + run + "-" + i,
                    setup.senders().get(i % CLIENTS), setup.receivers().get(i % CLIENTS), setup.asset(), Amount.of(1), null)));
            Measured intoOne = measure(transfers, i -> submit(gateway, TransferRequest.of("h-" + run + "-" + i,
                    setup.senders().get(i % CLIENTS), setup.hot(), setup.asset(), Amount.of(1), null)));
            double[] settled = readsInterleaved(gateway, READS, hotAccount, setup.normal());
            // Right after the fold, the state database still holds the deleted credit keys' tombstones until its
            // compaction drops them; a range read skips over them. Both figures are printed.
            System.out.printf(Locale.ROOT, "RATIO hot-balance-read/normal = %.2f (goal <= 2.00) %s  Accounts:get p50 %.2f ms for an "
                            + "account seeded with %,d credits and no debit vs %.2f ms for a normal account, %d clients, after "
                            + "the throughput run%n", settled[0] / settled[1], settled[0] / settled[1] <= 2.0 ? "MET" : "MISSED",
                    settled[0], credits, settled[1], CLIENTS);
            System.out.printf(Locale.ROOT, "RATIO hot-balance-read-just-folded/normal = %.2f (goal <= 2.00) %s  the same, measured "
                            + "right after the job folded the last credits: p50 %.2f ms vs %.2f ms%n", justFolded[0] / justFolded[1],
                    justFolded[0] / justFolded[1] <= 2.0 ? "MET" : "MISSED", justFolded[0], justFolded[1]);
            double creditRatio = intoOne.perSecond() / disjoint.perSecond();
            System.out.printf(Locale.ROOT, "RATIO hot-credits/disjoint = %.2f (goal >= 0.90) %s  %.1f transfers/s into one account vs "
                            + "%.1f/s between disjoint pairs, %d clients, %d transfers each%n",
                    creditRatio, creditRatio >= 0.9 ? "MET" : "MISSED", intoOne.perSecond(), disjoint.perSecond(), CLIENTS, transfers);
        }
    }

    /** The asset, the hot and the normal account, and CLIENTS funded senders with a receiver each. */
    private record Setup(String asset, String hot, String normal, List<String> senders, List<String> receivers) {
        static Setup open(String api, Path keys, String run) throws Exception {
            String issuer = token(keys, "hot-" + run, Role.ISSUER);
            String operator = token(keys, "hot-" + run, Role.OPERATOR);
            String asset = "H" + run;
            List<String> senders = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                senders.add("hs-" + i + "-" + run);
                receivers.add("hr-" + i + "-" + run);
            }
            Setup setup = new Setup(asset, "hot-" + run, "normal-" + run, senders, receivers);
            registerAsset(api, issuer, run, asset);
            List<String> all = new ArrayList<>(senders);
            all.addAll(receivers);
            all.add(setup.hot());
            all.add(setup.normal());
            for (String id : all) {
                openAccount(api, operator, id, asset);
            }
            for (String id : senders) {
                mint(api, issuer, id, 1_000_000_000);
            }
            mint(api, issuer, setup.normal(), 5000);
            return setup;
        }
    }

    /** {@code credits} credits of 1 into the hot account, in batches of LEGS legs, CLIENTS senders at once. */
    private static void seed(LedgerClient gateway, Setup setup, int credits) throws Exception {
        int batches = (credits + LEGS - 1) / LEGS;
        AtomicLong done = new AtomicLong();
        Instant start = Instant.now();
        System.out.printf(Locale.ROOT, "seeding %,d credits into %s in %,d batches of %d legs...%n", credits, setup.hot(), batches, LEGS);
        measure(batches, i -> {
            int legs = Math.min(LEGS, credits - i * LEGS);
            String sender = setup.senders().get(i % CLIENTS);
            submit(gateway, TransferBatchRequest.of("s-" + setup.hot() + "-" + i, Collections.nCopies(legs,
                    TransferLeg.of(sender, setup.hot(), setup.asset(), Amount.of(1), null))));
            long total = done.incrementAndGet();
            if (total % Math.max(1, batches / 10) == 0) {
                System.out.printf(Locale.ROOT, "  %,d of %,d batches committed (%s)%n", total, batches,
                        Duration.between(start, Instant.now()).withNanos(0));
            }
        });
    }

    /**
     * {@code Accounts:get} of the hot and the normal account at the same time ({@code reads} of each; CLIENTS is even,
     * so half the clients read one and half the other): the p50 latency in milliseconds of each, hot first.
     */
    private static double[] readsInterleaved(LedgerClient gateway, int reads, String hot, String normal) throws Exception {
        Measured both = measure(2 * reads, i -> gateway.evaluate(Transactions.ACCOUNTS_GET, i % 2 == 0 ? hot : normal));
        long[] hotMicros = new long[reads];
        long[] normalMicros = new long[reads];
        for (int i = 0; i < reads; i++) {
            hotMicros[i] = both.micros()[2 * i];
            normalMicros[i] = both.micros()[2 * i + 1];
        }
        return new double[] {new Measured(hotMicros, both.wallNanos()).p50(), new Measured(normalMicros, both.wallNanos()).p50()};
    }

    /** Waits until the job has left fewer than THRESHOLD credits of the account unfolded. */
    private static void awaitFolded(LedgerClient gateway, String account) throws InterruptedException {
        Instant deadline = Instant.now().plus(FOLD_WAIT_MAX);
        Instant start = Instant.now();
        Instant said = start;
        while (true) {
            PendingCreditsResult pending = LedgerJson.read(gateway.evaluate(Transactions.ACCOUNTS_PENDING_CREDITS,
                    LedgerJson.writeString(PendingCreditsRequest.of(account, null))), PendingCreditsResult.class);
            if (!pending.more() && pending.credits().size() < THRESHOLD) {
                System.out.printf(Locale.ROOT, "folded: %d credits left pending after %s%n", pending.credits().size(),
                        Duration.between(start, Instant.now()).withNanos(0));
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the consolidation job did not fold " + account + " within " + FOLD_WAIT_MAX);
            }
            if (Duration.between(said, Instant.now()).toSeconds() >= 10) {
                said = Instant.now();
                System.out.printf(Locale.ROOT, "  waiting for the job: %s%d credits pending%n", pending.more() ? "over " : "",
                        pending.credits().size());
            }
            Thread.sleep(500);
        }
    }

    /**
     * Submits until committed: a transaction the network did not take, or whose outcome is not known, is sent again
     * under the same idempotency key (so it applies once), at most {@link #ATTEMPTS_MAX} times.
     */
    private static void submit(LedgerClient gateway, Object request) {
        String transaction = request instanceof TransferBatchRequest ? Transactions.MONEY_TRANSFER_BATCH : Transactions.MONEY_TRANSFER;
        String argument = LedgerJson.writeString(request);
        SubmitOutcome outcome = null;
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            outcome = gateway.submit(transaction, argument);
            if (outcome instanceof SubmitOutcome.Committed) {
                return;
            }
            if (!(outcome instanceof SubmitOutcome.Unavailable || outcome instanceof SubmitOutcome.Unknown)) {
                break;
            }
        }
        throw new IllegalStateException(transaction + " not committed: " + outcome);
    }


    /** Latencies in microseconds and the wall time of {@code count} operations by CLIENTS concurrent clients. */
    private record Measured(long[] micros, long wallNanos) {
        double p50() {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2] / 1000.0;
        }

        double perSecond() {
            return micros.length / (wallNanos / 1e9);
        }
    }

    /** Client c takes indexes c, c + CLIENTS, ...: each client debits only its own sender, so they never conflict. */
    private static Measured measure(int count, Indexed operation) throws Exception {
        long start = System.nanoTime();
        long[] micros = interleaved(CLIENTS, count, operation);
        return new Measured(micros, System.nanoTime() - start);
    }

}
