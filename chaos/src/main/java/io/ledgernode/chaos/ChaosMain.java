package io.ledgernode.chaos;

import io.ledgernode.chaos.check.Checker;
import io.ledgernode.chaos.check.Verdict;
import io.ledgernode.chaos.history.History;
import io.ledgernode.chaos.nemesis.FaultKind;
import io.ledgernode.chaos.nemesis.Nemesis;
import io.ledgernode.chaos.nemesis.Processes;
import io.ledgernode.chaos.nemesis.Schedule;
import io.ledgernode.chaos.workload.Node;
import io.ledgernode.chaos.workload.Workload;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code chaos run}: the bank workload and the nemesis together against a running network, then a quiet period,
 * then the checker; {@code chaos check}: the checker alone, on a history someone else produced. Prints progress
 * while it runs and the verdict at the end; exits 0 only when every check holds, 1 when one fails, 2 on bad
 * arguments (one line saying why).
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            ChaosOptions options = ChaosOptions.parse(args);
            exit = options.command().equals("run") ? run(options) : check(options, options.history());
        } catch (ChaosOptions.BadOptions e) {
            System.err.println("chaos: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            System.err.println("chaos: failed: " + e);
            e.printStackTrace(System.err);
            exit = 1;
        }
        System.exit(exit);
    }

    private static int run(ChaosOptions options) throws Exception {
        Path out = options.out();
        Files.createDirectories(out);
        Path historyFile = out.resolve("history.jsonl");
        Files.deleteIfExists(historyFile);
        NetworkProfile profile = NetworkProfile.ofHome(options.home());
        List<Node> nodes = new ArrayList<>();
        for (ChaosOptions.OrgNode org : options.orgs()) {
            nodes.add(new Node(org.name(), profile.org(org.name()).mspId(), URI.create(org.rest()), org.grpcHost(), org.grpcPort()));
        }
        String runId = Long.toString(Instant.now().getEpochSecond(), 36);
        Schedule schedule = options.partitions().isPresent()
                ? Schedule.draw(options.seed(), options.faults(), options.duration(), EnumSet.allOf(FaultKind.class))
                : Schedule.draw(options.seed(), options.faults(), options.duration());
        say("run " + runId + ": seed " + options.seed() + ", " + options.faults() + " faults over " + options.duration().toSeconds()
                + " s, " + options.shape().clientsPerNode() * nodes.size() + " clients; everything kept in " + out);
        Files.writeString(out.resolve("schedule.txt"), schedule.faults().stream()
                .map(p -> p.n() + " " + p.kind() + " at " + p.at().toMillis() + " ms pick " + p.pick() + "\n")
                .collect(java.util.stream.Collectors.joining()));
        try (History history = History.appendTo(historyFile)) {
            Workload workload = new Workload(nodes, options.home().resolve("dev-auth"), options.shape(), options.seed(), runId, history);
            say("phase setup: registering the asset, opening " + (options.shape().accountsPerOrg() * nodes.size() + 1)
                    + " accounts and minting");
            workload.setUp();
            Processes processes = processes(options);
            Instant origin = Instant.now();
            Nemesis nemesis = new Nemesis(processes, options.partitions(), schedule, history, Duration.ofSeconds(120),
                    ChaosMain::say, origin);
            say("phase storm: the workload runs while the nemesis injects faults");
            List<Thread> clients = workload.start();
            Thread nemesisThread = Thread.ofPlatform().name("nemesis").start(nemesis);
            Instant end = origin.plus(options.duration());
            while (Instant.now().isBefore(end) || (nemesisThread.isAlive() && nemesis.injected() < options.faults()
                    && Instant.now().isBefore(end.plus(options.duration())))) {
                Thread.sleep(5_000);
                Workload.Counts c = workload.counts();
                say(String.format("[%4ds] storm: requests %d (ok %d, refused %d, unresolved %d, retries %d), faults %d/%d",
                        Duration.between(origin, Instant.now()).toSeconds(), c.requests(), c.ok(), c.refused(),
                        c.unresolved(), c.retries(), nemesis.injected(), options.faults()));
            }
            nemesis.stop();
            nemesisThread.join();
            say("phase quiet: clients finish what they are on; waiting for every process to be live");
            workload.stop();
            for (Thread client : clients) {
                client.join();
            }
            nemesis.awaitRecovery(options.faults() + 1);
            Thread.sleep(options.quiet().toMillis());
        }
        return check(options, historyFile);
    }

    private static int check(ChaosOptions options, Path historyFile) throws Exception {
        say("phase check: " + historyFile);
        List<Checker.Org> orgs = options.orgs().stream().map(o -> new Checker.Org(o.name(), mirror(options, o))).toList();
        Map<String, String> commands = new LinkedHashMap<>(options.commands());
        Checker checker = new Checker(new Checker.Inputs(historyFile, options.home(), orgs, commands, options.liveness(),
                processes(options)), ChaosMain::say);
        Verdict verdict = checker.check();
        verdict.print(System.out);
        if (options.out() != null) {
            Files.createDirectories(options.out());
            try (PrintStream file = new PrintStream(new FileOutputStream(options.out().resolve("verdict.txt").toFile()), true,
                    StandardCharsets.UTF_8)) {
                verdict.print(file);
            }
        }
        return verdict.passed() ? 0 : 1;
    }

    private static Processes processes(ChaosOptions options) {
        return options.hosts().map(Processes::acrossHosts).orElseGet(() -> new Processes(options.home()));
    }

    /** An org's mirror, read directly or (with the auditor's token of the home's development key) through its node. */
    private static Checker.Mirror mirror(ChaosOptions options, ChaosOptions.OrgNode org) {
        if (!org.mirror().equals(ChaosOptions.MIRROR_THROUGH_NODE)) {
            return new Checker.Mirror.Jdbc(org.mirror());
        }
        String token = DevTokens.mint(options.home().resolve("dev-auth"), "ledger-node-dev", "ledger-node", "chaos-checker",
                Set.of(Role.AUDITOR), Set.of(), Optional.empty(), Duration.ofMinutes(55), Clock.systemUTC());
        return new Checker.Mirror.Api(URI.create(org.rest()), token);
    }

    static void say(String line) {
        System.out.println("chaos: " + line);
        System.out.flush();
    }
}
