package io.ledgernode.gateway.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The consortium across hosts beside the single-host network, back to back: {@link TransferBenchmark}'s sequential
 * submit-to-commit latency and hot-account throughput on each (after an unmeasured round on each), then their ratios. Run by
 * {@code scripts/ledger bench-consortium}, which brings the consortium up in network namespaces and also times the
 * next commit after the Raft leader's host is cut off. It prints figures; it asserts nothing about time.
 *
 * <p>Usage: {@code ConsortiumBenchmark <single-host LEDGER_HOME> <home of the consortium host that runs Org1's node>}
 */
public final class ConsortiumBenchmark {

    private ConsortiumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ConsortiumBenchmark <single-host home> <consortium Org1 node host home>");
            System.exit(2);
        }
        // One unmeasured round on each first: the consortium was brought up moments ago and its JVMs (chaincode
        // servers, node-service) are cold, while a single-host network that has run for a while is warm; four runs
        // without this measured the single host at 27 to 61 transfers/s and the fresh consortium at 22 every time.
        TransferBenchmark.measure(Path.of(args[1]));
        TransferBenchmark.measure(Path.of(args[0]));
        System.out.println("single host (" + args[0] + "):");
        TransferBenchmark.Figures single = TransferBenchmark.measure(Path.of(args[0]));
        TransferBenchmark.print(single);
        System.out.println("consortium across hosts (" + args[1] + "):");
        TransferBenchmark.Figures consortium = TransferBenchmark.measure(Path.of(args[1]));
        TransferBenchmark.print(consortium);
        // Every host of the consortium runs on this machine's same two cores, with three orderers and four peers
        // instead of one and two: the goals say how much of that overhead is acceptable, not what real hosts reach.
        ratio("consortium_vs_single_host_hot_account_tps", consortium.committedPerSecond() / single.committedPerSecond(), ">=", 0.5,
                String.format(Locale.ROOT, "%.1f vs %.1f committed transfers/s", consortium.committedPerSecond(), single.committedPerSecond()));
        ratio("consortium_vs_single_host_transfer_p50", (double) consortium.p50() / Math.max(1, single.p50()), "<=", 2.0,
                consortium.p50() + " ms vs " + single.p50() + " ms submit to commit");
    }

    /** One line of the form scripts/ledger's bench table gathers. */
    private static void ratio(String name, double value, String op, double goal, String details) {
        boolean met = op.equals(">=") ? value >= goal : value <= goal;
        System.out.printf(Locale.ROOT, "RATIO %s = %.2f (goal %s %.2f) %s  %s%n", name, value, op, goal, met ? "MET" : "MISSED", details);
    }
}
