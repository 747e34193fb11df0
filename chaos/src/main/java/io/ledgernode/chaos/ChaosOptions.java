package io.ledgernode.chaos;

import io.ledgernode.chaos.nemesis.Partitions;
import io.ledgernode.chaos.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line, every setting with its default:
 * <pre>
 * chaos run   --home H --out DIR --org NAME,REST_URL,GRPC_HOST:PORT,MIRROR (once per org, the issuer org first)
 *             [--seed 1] [--faults 12] [--duration PT3M] [--clients-per-node 4] [--accounts-per-org 4]
 *             [--hot-share 0.3] [--quiet PT15S] [--command NAME=SHELL_COMMAND]...
 *             [--hosts DIR --cut SHELL_COMMAND --heal SHELL_COMMAND]
 * chaos check --history FILE --home H --org ... [--out DIR] [--command NAME=SHELL_COMMAND]... [--no-liveness]
 *             [--hosts DIR]
 * </pre>
 * MIRROR is the org's mirror as a JDBC URL of its read-only role, or {@code api}: read through the org's node (REST,
 * as an auditor with a token signed by H's development key). H is a home whose profile reaches every org's peers.
 * With {@code --hosts}, the processes are those of every host's home in DIR (a consortium whose hosts are network
 * namespaces here), and {@code --cut}/{@code --heal} ({@code {host}} replaced by a host's address) make partitions
 * one of the faults.
 */
record ChaosOptions(String command, Path home, Path out, Path history, List<OrgNode> orgs, long seed, int faults,
        Duration duration, Workload.Shape shape, Duration quiet, Map<String, String> commands, boolean liveness,
        Optional<Path> hosts, Optional<Partitions> partitions) {

    /** The word of --org's last field that reads the org's mirror through its node. */
    static final String MIRROR_THROUGH_NODE = "api";

    /** One org's node and mirror ({@link #MIRROR_THROUGH_NODE}, or a JDBC URL). */
    record OrgNode(String name, String rest, String grpcHost, int grpcPort, String mirror) {
    }

    static final class BadOptions extends Exception {
        BadOptions(String message) {
            super(message);
        }
    }

    static ChaosOptions parse(String[] args) throws BadOptions {
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("check"))) {
            throw new BadOptions("usage: chaos run|check --home H --org NAME,REST,HOST:PORT,JDBC ... (see docs/chaos.md)");
        }
        String command = args[0];
        Path home = null;
        Path out = null;
        Path history = null;
        List<OrgNode> orgs = new ArrayList<>();
        long seed = 1;
        int faults = 12;
        Duration duration = Duration.ofMinutes(3);
        int clientsPerNode = 4;
        int accountsPerOrg = 4;
        double hotShare = 0.3;
        Duration quiet = Duration.ofSeconds(15);
        Map<String, String> commands = new LinkedHashMap<>();
        boolean liveness = true;
        Path hosts = null;
        String cut = null;
        String heal = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-liveness")) {
                liveness = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new BadOptions(option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--home" -> home = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--history" -> history = Path.of(value);
                    case "--org" -> orgs.add(org(value));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--faults" -> faults = bounded(option, Integer.parseInt(value), 0, 10_000);
                    case "--duration" -> duration = Duration.parse(value);
                    case "--clients-per-node" -> clientsPerNode = bounded(option, Integer.parseInt(value), 1, 64);
                    case "--accounts-per-org" -> accountsPerOrg = bounded(option, Integer.parseInt(value), 2, 1_000);
                    case "--hot-share" -> hotShare = Double.parseDouble(value);
                    case "--quiet" -> quiet = Duration.parse(value);
                    case "--hosts" -> hosts = Path.of(value);
                    case "--cut" -> cut = value;
                    case "--heal" -> heal = value;
                    case "--command" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new BadOptions("--command takes NAME=SHELL_COMMAND, got " + value);
                        }
                        commands.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> throw new BadOptions("unknown option " + option);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new BadOptions(option + " " + value + " is not a valid value (" + e.getMessage() + ")");
            }
        }
        if (home == null || orgs.isEmpty()) {
            throw new BadOptions("--home and at least one --org are required");
        }
        if (command.equals("run") && out == null) {
            throw new BadOptions("run needs --out DIR");
        }
        if (command.equals("check") && history == null) {
            throw new BadOptions("check needs --history FILE");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofMinutes(45)) > 0) {
            throw new BadOptions("--duration must be more than 0 and at most PT45M (tokens last under an hour)");
        }
        if (!(hotShare >= 0 && hotShare <= 1)) {
            throw new BadOptions("--hot-share must be between 0 and 1");
        }
        if ((cut == null) != (heal == null)) {
            throw new BadOptions("--cut and --heal go together");
        }
        if (cut != null && hosts == null) {
            throw new BadOptions("--cut and --heal need --hosts DIR (the hosts a partition cuts off)");
        }
        Optional<Partitions> partitions;
        try {
            partitions = cut == null ? Optional.empty() : Optional.of(new Partitions(cut, heal));
        } catch (IllegalArgumentException e) {
            throw new BadOptions(e.getMessage());
        }
        Workload.Shape shape = new Workload.Shape(clientsPerNode, accountsPerOrg, hotShare, 1_000_000,
                Duration.ofSeconds(20), Duration.ofMinutes(2));
        return new ChaosOptions(command, home, out, history, orgs, seed, faults, duration, shape, quiet, commands, liveness,
                Optional.ofNullable(hosts), partitions);
    }

    private static OrgNode org(String value) throws BadOptions {
        String[] parts = value.split(",", 4);
        if (parts.length != 4 || !parts[2].contains(":")) {
            throw new BadOptions("--org takes NAME,REST_URL,GRPC_HOST:PORT,MIRROR (a JDBC URL or api), got " + value);
        }
        String host = parts[2].substring(0, parts[2].lastIndexOf(':'));
        int port = Integer.parseInt(parts[2].substring(parts[2].lastIndexOf(':') + 1));
        return new OrgNode(parts[0], parts[1], host, port, parts[3]);
    }

    private static int bounded(String option, int value, int min, int max) throws BadOptions {
        if (value < min || value > max) {
            throw new BadOptions(option + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
