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
 * flight, with the CPU each process of the node spent per transaction (from {@code /proc/<pid>/stat}):
 * <ol>
 *   <li>no-op submits (an evaluate-only function submitted as a transaction: endorsed by both orgs, ordered,
 *       validated and committed, with one key read and nothing written): Fabric's floor per transaction;</li>
 *   <li>single transfers through a bare Fabric Gateway client;</li>
 *   <li>the same transfers through node-service's REST API.</li>
 * </ol>
 * Each client sends from its own account to its own receiver, so no two transfers touch the same keys and the figures
 * are the path's, not contention's. Run with {@code scripts/ledger bench}; it prints figures and asserts nothing.
 */
public final class ChainPathBenchmark {

    private static final int IN_FLIGHT = 32;
    private static final int PER_PHASE = 1_600;
    private static final int WARM_UP = 10 * IN_FLIGHT;
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
        String operator = token(keys, run, Role.OPERATOR);
        String asset = "C" + run;
        List<String> senders = new ArrayList<>();
        // Each transferring path pays receivers of its own, each credited (WARM_UP + perPhase) / IN_FLIGHT times (60):
        // below the node's consolidation threshold (64), so no phase pays for folding the credits another phase made.
        List<String> bareReceivers = new ArrayList<>();
        List<String> serviceReceivers = new ArrayList<>();
        registerAsset(api, issuer, run, asset);
        for (int i = 0; i < IN_FLIGHT; i++) {
            senders.add("cp-s" + i + "-" + run);
            bareReceivers.add("cp-g" + i + "-" + run);
            serviceReceivers.add("cp-r" + i + "-" + run);
        }
        for (String id : Stream.of(senders, bareReceivers, serviceReceivers).flatMap(List::stream).toList()) {
            openAccount(api, operator, id, asset);
        }
        for (String id : senders) {
            mint(api, issuer, id, 100_000_000);
        }
        List<String> callers = new ArrayList<>();
        for (int c = 0; c < IN_FLIGHT; c++) {
            callers.add(token(keys, run + "-" + c, Role.OPERATOR));
        }
        Processes processes = new Processes(home.resolve("run"));
        NetworkProfile profile = NetworkProfile.ofHome(home);
        try (LedgerConnection org1 = LedgerConnection.open(profile, node.getProperty("node.org", "Org1"), "User1",
                GatewayTimeouts.defaults())) {
            LedgerClient gateway = new LedgerClient(org1);
            // A warm-up of each path, so that no phase pays for the JIT or the first connections: a few hundred
            // transactions each, as JVMs just started (the chaincode servers after a deployment, node-service after
            // `up`) spent a third more CPU per transaction over their first thousand than afterwards.
            phase("warm-up", WARM_UP, processes, i -> noop(gateway, run + "-w", i));
            phase("warm-up", WARM_UP, processes, i -> bare(gateway, run + "-w", i, senders, bareReceivers, asset));
            phase("warm-up", WARM_UP, processes, i -> service(api, callers, run + "-w", i, senders, serviceReceivers, asset));

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
    private record Phase(String name, int count, long wallNanos, long[] micros, Map<String, Long> ticks) {
        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        /** CPU milliseconds per transaction of the processes whose names start with {@code prefix}. */
        double millisPerTx(String prefix) {
            long sum = ticks.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
            return sum * 1000.0 / TICKS_PER_SECOND / count;
        }

        /** Fabric's own CPU per transaction: peers, orderers and the chaincode servers. */
        double fabricMillisPerTx() {
            return millisPerTx("peer") + millisPerTx("orderer") + millisPerTx("ccaas");
        }
    }

    private static Phase phase(String name, int count, Processes processes, Indexed operation) throws Exception {
        Map<String, Long> before = processes.ticks();
        long start = System.nanoTime();
        long[] micros = interleaved(IN_FLIGHT, count, operation);
        long wall = System.nanoTime() - start;
        Map<String, Long> spent = new TreeMap<>();
        processes.ticks().forEach((process, after) -> spent.put(process, after - before.getOrDefault(process, after)));
        Phase phase = new Phase(name, count, wall, micros, spent);
        if (!name.equals("warm-up")) {
            print(phase);
        }
        return phase;
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

    /** Request i of a phase goes from sender i % IN_FLIGHT: each client sends from its own account. */
    private static void bare(LedgerClient gateway, String tag, int i, List<String> senders,
            List<String> receivers, String asset) {
        int client = i % IN_FLIGHT;
        committed(gateway.submit("Money:transfer", "{\"idempotencyKey\":\"" + tag + "-" + i + "\","
                + transfer(senders.get(client), receivers.get(client), asset).substring(1)));
    }

    private static void service(String api, List<String> callers, String tag, int i, List<String> senders,
            List<String> receivers, String asset) throws Exception {
        int client = i % IN_FLIGHT;
        must(post(api, "/v1/transfers", callers.get(client), tag + "-" + i,
                transfer(senders.get(client), receivers.get(client), asset)));
    }

    private static void committed(SubmitOutcome outcome) {
        if (!(outcome instanceof SubmitOutcome.Committed)) {
            throw new IllegalStateException("not committed: " + outcome);
        }
    }

    /** The node's processes, by the pid files its supervisors keep ({@code run/<name>.child}). */
    private record Processes(Path run) {
        /** CPU ticks (user + system) of every live process, by name. */
        Map<String, Long> ticks() throws IOException {
            Map<String, Long> ticks = new TreeMap<>();
            try (Stream<Path> files = Files.list(run)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".child")).toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.child$", "");
                    // "<pid> <start time>": the start time tells a recycled pid apart.
                    String pid = Files.readString(file).trim().split("\\s+")[0];
                    Path stat = Path.of("/proc", pid, "stat");
                    if (!pid.matches("[0-9]+") || !Files.exists(stat)) {
                        continue;
                    }
                    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th
                    // field of the line, stime the 15th.
                    String line = Files.readString(stat);
                    String[] after = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    ticks.put(name, Long.parseLong(after[11]) + Long.parseLong(after[12]));
                }
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] after = self.substring(self.lastIndexOf(')') + 2).split(" ");
            ticks.put("bench-client", Long.parseLong(after[11]) + Long.parseLong(after[12]));
            return ticks;
        }
    }
}
