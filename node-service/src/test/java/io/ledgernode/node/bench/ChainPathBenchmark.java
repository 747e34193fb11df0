package io.ledgernode.node.bench;

import static io.ledgernode.node.bench.BenchApi.interleaved;
import static io.ledgernode.node.bench.BenchApi.mint;
import static io.ledgernode.node.bench.BenchApi.must;
import static io.ledgernode.node.bench.BenchApi.node;
import static io.ledgernode.node.bench.BenchApi.openAccount;
import static io.ledgernode.node.bench.BenchApi.post;
import static io.ledgernode.node.bench.BenchApi.ratio;
import static io.ledgernode.node.bench.BenchApi.registerAsset;
import static io.ledgernode.node.bench.BenchApi.runId;
import static io.ledgernode.node.bench.BenchApi.token;
import static io.ledgernode.node.bench.BenchApi.transfer;

import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.bench.BenchApi.Indexed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The chain path, measured as ratios of phases run back to back on the running node at {@value #IN_FLIGHT} requests in
 * flight, with the CPU each process of the node spent per transaction, its children included ({@link ProcessCpu}):
 * <ol>
 *   <li>no-op submits (an evaluate-only function submitted as a transaction: endorsed by both orgs, ordered,
 *       validated and committed, with one key read and nothing written): Fabric's floor per transaction;</li>
 *   <li>single transfers through a bare Fabric Gateway client;</li>
 *   <li>the same transfers through node-service's REST API.</li>
 * </ol>
 * Each client sends from its own account to its own receiver, so no two transfers touch the same keys and the figures
 * are the path's, not contention's. Each path is measured in its steady state: it is first warmed up in rounds until
 * the JIT compilers of the JVMs it runs through are quiet ({@link #warmUp}). Run with {@code scripts/ledger bench}; it
 * prints figures and asserts nothing.
 */
public final class ChainPathBenchmark {

    private static final int IN_FLIGHT = 32;
    private static final int PER_PHASE = 1_600;
    private static final int WARM_UP = 20 * IN_FLIGHT;
    private static final int WARM_UP_ROUNDS_MAX = 16;
    private static final int COMPILER_PERCENT_STEADY = 5;
    /** Enough receivers that the longest warm-up credits none of them 64 times (16 x 640 / 192 = 53). */
    private static final int WARM_UP_RECEIVERS = 6 * IN_FLIGHT;
    private static final long TICKS_PER_SECOND = 100;

    private ChainPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".ledger/local");
        int perPhase = args.length > 1 ? Integer.parseInt(args[1]) : PER_PHASE;
        Properties node = node(home);
        String api = node.getProperty("api.url");
        Path keys = Path.of(node.getProperty("auth.devDir"));
        String run = runId();
        String issuer = token(keys, run, Role.ISSUER);
        String asset = "C" + run;
        List<String> senders = new ArrayList<>();
        // Each transferring path, and each path's warm-up, pays receivers of its own, each credited fewer times than
        // the node's consolidation threshold (64): perPhase / IN_FLIGHT (50) in a phase, at most 53 in a warm-up. So
        // no phase pays for folding the credits another phase made.
        List<String> bareReceivers = new ArrayList<>();
        List<String> serviceReceivers = new ArrayList<>();
        List<String> bareWarmUpReceivers = new ArrayList<>();
        List<String> serviceWarmUpReceivers = new ArrayList<>();
        registerAsset(api, issuer, run, asset);
        for (int i = 0; i < IN_FLIGHT; i++) {
            senders.add("cp-s" + i + "-" + run);
            bareReceivers.add("cp-g" + i + "-" + run);
            serviceReceivers.add("cp-r" + i + "-" + run);
        }
        for (int i = 0; i < WARM_UP_RECEIVERS; i++) {
            bareWarmUpReceivers.add("cp-wg" + i + "-" + run);
            serviceWarmUpReceivers.add("cp-wr" + i + "-" + run);
        }
        List<String> accounts = Stream.of(senders, bareReceivers, serviceReceivers, bareWarmUpReceivers,
                serviceWarmUpReceivers).flatMap(List::stream).toList();
        List<String> callers = new ArrayList<>();
        for (int c = 0; c < IN_FLIGHT; c++) {
            callers.add(token(keys, run + "-" + c, Role.OPERATOR));
        }
        // Each client opens accounts as a caller of its own: the node limits each caller's request rate.
        interleaved(IN_FLIGHT, accounts.size(), i -> openAccount(api, callers.get(i % IN_FLIGHT), accounts.get(i), asset));
        for (String id : senders) {
            mint(api, issuer, id, 100_000_000);
        }
        Processes processes = new Processes(home.resolve("run"));
        NetworkProfile profile = NetworkProfile.ofHome(home);
        try (LedgerConnection org1 = LedgerConnection.open(profile, node.getProperty("node.org", "Org1"), "User1",
                GatewayTimeouts.defaults())) {
            LedgerClient gateway = new LedgerClient(org1);
            // Each path is warmed up until the JVMs it runs through are in their steady state, so that no phase pays
            // for the JIT or the first connections: a node runs for days, and its cost per transaction is the steady
            // one. Measured on 2026-12-07: node-service just after `up` spent 3.2 ms of CPU per transfer through
            // its first ~4,000 transfers, about 40 % of it in the C2 compiler, and 1.1-1.8 ms once it was done.
            warmUp("no-op", processes, List.of("bench-client", "ccaas"), i -> noop(gateway, run + "-wn", i));
            warmUp("bare gateway", processes, List.of("bench-client", "ccaas"),
                    i -> bare(gateway, run + "-wg", i, senders, bareWarmUpReceivers, asset));
            warmUp("node-service", processes, List.of("node-service", "ccaas"),
                    i -> service(api, callers, run + "-ws", i, senders, serviceWarmUpReceivers, asset));

            Phase noop = phase("no-op submits (Money:outcome as a transaction), bare gateway", perPhase, processes,
                    i -> noop(gateway, run + "-n", i));
            Phase bare = phase("transfers, bare gateway client (Money:transfer)", perPhase, processes,
                    i -> bare(gateway, run + "-g", i, senders, bareReceivers, asset));
            Phase service = phase("transfers through node-service (REST POST /v1/transfers)", perPhase, processes,
                    i -> service(api, callers, run + "-s", i, senders, serviceReceivers, asset));

            ratio("transfer/no-op", bare.perSecond() / noop.perSecond(), ">=", 0.90,
                    String.format(Locale.ROOT, "%.1f vs %.1f tx/s at %d in flight; Fabric CPU %.2f vs %.2f ms/tx",
                            bare.perSecond(), noop.perSecond(), IN_FLIGHT, bare.fabricMillisPerTx(),
                            noop.fabricMillisPerTx()));
            ratio("service/bare-gateway", service.perSecond() / bare.perSecond(), ">=", 0.90,
                    String.format(Locale.ROOT, "%.1f vs %.1f transfers/s at %d in flight", service.perSecond(),
                            bare.perSecond(), IN_FLIGHT));
            double nodeCpu = service.millisPerTx("node-service");
            double peerCpu = service.millisPerTx("peer");
            ratio("node-service-cpu/peers-cpu", nodeCpu / peerCpu, "<=", 0.25,
                    String.format(Locale.ROOT, "node-service %.2f ms vs peers %.2f ms of CPU per transfer", nodeCpu,
                            peerCpu));
        }
    }


    /** One phase: its rate, latencies and the CPU ticks each process spent during it. */
    private record Phase(String name, int count, long wallNanos, long[] micros, Map<String, Long> ticks,
            Map<String, Long> compilerTicks) {
        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        /** CPU milliseconds per transaction of the processes whose names start with {@code prefix}. */
        double millisPerTx(String prefix) {
            return sum(ticks, prefix) * 1000.0 / TICKS_PER_SECOND / count;
        }

        /** The share of the CPU of the processes named {@code prefixes} that their JIT compilers spent. */
        double compilerShare(List<String> prefixes) {
            long all = 0;
            long compilers = 0;
            for (String prefix : prefixes) {
                all += sum(ticks, prefix);
                compilers += sum(compilerTicks, prefix);
            }
            return all == 0 ? 0 : (double) compilers / all;
        }

        private static long sum(Map<String, Long> ticks, String prefix) {
            return ticks.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue)
                    .sum();
        }

        /** Fabric's own CPU per transaction: peers, orderers and the chaincode servers. */
        double fabricMillisPerTx() {
            return millisPerTx("peer") + millisPerTx("orderer") + millisPerTx("ccaas");
        }
    }

    /**
     * Rounds of {@value #WARM_UP} transactions until the JVMs the path runs through (the processes whose names start
     * with one of {@code jvms}) are in their steady state: their JIT compilers spent at most
     * {@value #COMPILER_PERCENT_STEADY} % of their CPU in a round, or {@value #WARM_UP_ROUNDS_MAX} rounds ran. Each
     * round is printed (CPU per transaction, compilers' share), so the warm-up shows.
     */
    private static void warmUp(String path, Processes processes, List<String> jvms, Indexed operation)
            throws Exception {
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < WARM_UP_ROUNDS_MAX; round++) {
            int offset = round * WARM_UP;
            Phase phase = phase("warm-up", WARM_UP, processes, i -> operation.run(offset + i));
            double compilers = 100 * phase.compilerShare(jvms);
            rounds.append(String.format(Locale.ROOT, " %.2f (%.0f %%)",
                    jvms.stream().mapToDouble(phase::millisPerTx).sum(), compilers));
            if (compilers <= COMPILER_PERCENT_STEADY) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "warm-up, %s: CPU ms per tx of %s (JIT compilers' share) by round of %d:%s%n",
                path, String.join(" + ", jvms), WARM_UP, rounds);
    }

    private static Phase phase(String name, int count, Processes processes, Indexed operation) throws Exception {
        Map<String, Long> before = processes.ticks();
        Map<String, Long> compilersBefore = processes.compilerTicks();
        long start = System.nanoTime();
        long[] micros = interleaved(IN_FLIGHT, count, operation);
        long wall = System.nanoTime() - start;
        Phase phase = new Phase(name, count, wall, micros, spent(before, processes.ticks()),
                spent(compilersBefore, processes.compilerTicks()));
        if (!name.equals("warm-up")) {
            print(phase);
        }
        return phase;
    }

    private static Map<String, Long> spent(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> spent = new TreeMap<>();
        after.forEach((process, ticks) -> spent.put(process, ticks - before.getOrDefault(process, ticks)));
        return spent;
    }

    private static void print(Phase phase) {
        long[] sorted = phase.micros().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-62s %5d tx, %7.1f tx/s, p50 %7.1f ms, p99 %7.1f ms (%d in flight)%n",
                phase.name(), phase.count(), phase.perSecond(), sorted[sorted.length / 2] / 1000.0,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0, IN_FLIGHT);
        StringBuilder cpu = new StringBuilder("    CPU ms per tx:");
        phase.ticks().forEach((process, ticks) -> {
            if (ticks > 0) {
                cpu.append(String.format(Locale.ROOT, " %s %.2f", process, ticks * 1000.0 / TICKS_PER_SECOND
                        / phase.count()));
            }
        });
        System.out.println(cpu);
    }

    private static void noop(LedgerClient gateway, String tag, int i) {
        committed(gateway.submit("Money:outcome", "noop-" + tag + "-" + i));
    }

    /**
     * Request i of a phase goes from sender i % IN_FLIGHT (each client sends from its own account) to receiver
     * i % receivers: the client's own receiver in a phase, one of many in a warm-up.
     */
    private static void bare(LedgerClient gateway, String tag, int i, List<String> senders,
            List<String> receivers, String asset) {
        int client = i % IN_FLIGHT;
        committed(gateway.submit("Money:transfer", "{\"idempotencyKey\":\"" + tag + "-" + i + "\","
                + transfer(senders.get(client), receivers.get(i % receivers.size()), asset).substring(1)));
    }

    private static void service(String api, List<String> callers, String tag, int i, List<String> senders,
            List<String> receivers, String asset) throws Exception {
        int client = i % IN_FLIGHT;
        must(post(api, "/v1/transfers", callers.get(client), tag + "-" + i,
                transfer(senders.get(client), receivers.get(i % receivers.size()), asset)));
    }

    private static void committed(SubmitOutcome outcome) {
        if (!(outcome instanceof SubmitOutcome.Committed)) {
            throw new IllegalStateException("not committed: " + outcome);
        }
    }

    /** The node's processes, by the pid files its supervisors keep ({@code run/<name>.child}), and this JVM. */
    private record Processes(Path run) {
        /**
         * CPU ticks (user + system) of every live process with its children (PostgreSQL's backends), by name
         * ({@code bench-client}: this JVM).
         */
        Map<String, Long> ticks() throws IOException {
            return sample(false);
        }

        /**
         * CPU ticks of the JIT compiler threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}) of every live
         * process, by name; 0 for a process that is not a JVM.
         */
        Map<String, Long> compilerTicks() throws IOException {
            return sample(true);
        }

        private Map<String, Long> sample(boolean compilerOnly) throws IOException {
            Map<String, Long> ticks = new TreeMap<>();
            try (Stream<Path> files = Files.list(run)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".child")).toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.child$", "");
                    // "<pid> <start time>": the start time tells a recycled pid apart.
                    String pid = Files.readString(file).trim().split("\\s+")[0];
                    if (pid.matches("[0-9]+") && Files.exists(Path.of("/proc", pid, "stat"))) {
                        long spent = compilerOnly ? compilerTicks(Path.of("/proc", pid))
                                : ProcessCpu.treeTicks(Long.parseLong(pid)) + embeddedPostgresTicks(name);
                        if (spent >= 0) {
                            ticks.put(name, spent);
                        }
                    }
                }
            }
            Path self = Path.of("/proc/self");
            ticks.put("bench-client", compilerOnly ? compilerTicks(self) : ProcessCpu.ownTicks(self));
            return ticks;
        }

        /**
         * The CPU of the PostgreSQL server that the process {@code name} embeds, with its backends; 0 for any other
         * process. pg_ctl starts that server detached from the JVM that asked for it, so it is not among the JVM's
         * descendants: it is found by the pid file in its data directory ({@code LEDGER_HOME/<name>/data}).
         */
        private long embeddedPostgresTicks(String name) {
            long postmaster = ProcessCpu.postmasterPid(run.resolveSibling(name).resolve("data"));
            return postmaster > 0 ? Math.max(0, ProcessCpu.treeTicks(postmaster)) : 0;
        }

        private static long compilerTicks(Path process) throws IOException {
            long sum = 0;
            try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                            sum += ProcessCpu.ownTicks(task);
                        }
                    } catch (IOException gone) {
                        // The thread ended between the listing and the read: it spends nothing more.
                    }
                }
            }
            return sum;
        }
    }
}
