package io.ledgernode.chaos.nemesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The node's supervised processes as the supervisor records them under {@code LEDGER_HOME/run} (see
 * scripts/lib/supervise.sh): {@code NAME.state} ("state epoch reason") and {@code NAME.child} ("pid start-time").
 * Signals go to pids read here, never to a pid that was recycled: the start time must match /proc. Across hosts (a
 * consortium whose hosts are network namespaces of this machine, each host's bundle a home of its own), a process is
 * named {@code HOST/NAME}, and the hosts are what a partition cuts off.
 */
public final class Processes {

    /** Each home by the host it is ("" for the one home of a run on one host), sorted. */
    private final SortedMap<String, Path> homes;

    /** The processes of one home. */
    public Processes(Path home) {
        this.homes = new TreeMap<>(Map.of("", home));
    }

    private Processes(SortedMap<String, Path> homes) {
        this.homes = homes;
    }

    /** The processes of every host whose home is a directory of {@code hostsDir} named by its address. */
    public static Processes acrossHosts(Path hostsDir) {
        SortedMap<String, Path> homes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(hostsDir)) {
            dirs.filter(Files::isDirectory).forEach(d -> homes.put(d.getFileName().toString(), d));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the hosts' homes in " + hostsDir, e);
        }
        if (homes.isEmpty()) {
            throw new IllegalArgumentException("no host's home in " + hostsDir);
        }
        return new Processes(homes);
    }

    /** The hosts a partition can cut off: none for a run on one host. */
    public List<String> hosts() {
        return homes.keySet().stream().filter(h -> !h.isEmpty()).toList();
    }

    /** Every supervised process's name, sorted (by host, then name). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        homes.forEach((host, home) -> {
            Path run = home.resolve("run");
            try (Stream<Path> files = Files.list(run)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".state"))
                        .map(n -> n.substring(0, n.length() - ".state".length())).sorted()
                        .forEach(n -> names.add(host.isEmpty() ? n : host + "/" + n));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + run + " (is the network up?)", e);
            }
        });
        return names;
    }

    /** The home of a process's host, and its name there. */
    private record Located(Path home, String name) {
        Path run() {
            return home.resolve("run");
        }
    }

    private Located locate(String name) {
        int slash = name.indexOf('/');
        String host = slash < 0 ? "" : name.substring(0, slash);
        Path home = homes.get(host);
        if (home == null) {
            throw new IllegalArgumentException("no host " + host + " for process " + name);
        }
        return new Located(home, slash < 0 ? name : name.substring(slash + 1));
    }

    /** The process's own name on its host ({@code NAME} of {@code HOST/NAME}). */
    public static String localName(String name) {
        return name.substring(name.indexOf('/') + 1);
    }

    /** The supervisor's word for {@code name}: live, starting, restarting, failed, stopped (or "unknown"). */
    public String state(String name) {
        Located at = locate(name);
        return firstWord(at.run().resolve(at.name() + ".state")).orElse("unknown");
    }

    /**
     * What the supervisor says of {@code name}, for a finding: "NAME: STATE for N s (REASON), R restarts". When a
     * process never comes back, this line is what tells a crash loop ("restarting ... exited with status 2") from a
     * process that starts but never answers its probe ("starting") or a supervisor that gave up ("failed").
     */
    public String describe(String name, Instant now) {
        Located at = locate(name);
        List<String> state = words(at.run().resolve(at.name() + ".state"));
        if (state.isEmpty()) {
            return name + ": no state recorded";
        }
        StringBuilder line = new StringBuilder(name).append(": ").append(state.get(0));
        if (state.size() > 1 && state.get(1).matches("\\d{1,12}")) {
            line.append(" for ").append(Math.max(0, now.getEpochSecond() - Long.parseLong(state.get(1)))).append(" s");
        }
        if (state.size() > 2) {
            line.append(" (").append(String.join(" ", state.subList(2, state.size()))).append(')');
        }
        firstWord(at.run().resolve(at.name() + ".restarts")).ifPresent(r -> line.append(", ").append(r).append(" restarts"));
        return line.toString();
    }

    /** Names whose state is not live. */
    public List<String> notLive() {
        return names().stream().filter(n -> !state(n).equals("live")).toList();
    }

    /**
     * The pid a fault hits for {@code name}: the supervised process itself, except for an embedded PostgreSQL,
     * whose server (the postmaster, in a session of its own) is what a crash of the database means.
     */
    public Optional<Long> pid(String name) {
        Located at = locate(name);
        if (at.name().equals("postgres") || at.name().startsWith("postgres.")) {
            return firstWord(at.home().resolve(at.name()).resolve("data").resolve("postmaster.pid")).map(Long::parseLong)
                    .filter(pid -> startTime(pid).isPresent());
        }
        List<String> words = words(at.run().resolve(at.name() + ".child"));
        if (words.size() < 2) {
            return Optional.empty();
        }
        long pid = Long.parseLong(words.get(0));
        return startTime(pid).filter(words.get(1)::equals).map(t -> pid);
    }

    /** {@code pid} and every process below it (a PostgreSQL server's backends). */
    public static List<Long> withDescendants(long pid) {
        List<Long> all = new ArrayList<>();
        all.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> all.add(d.pid())));
        return all;
    }

    /** Sends {@code signal} (KILL, STOP, CONT) to {@code pids}; false if {@code kill} failed for any. */
    public static boolean signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Path logOf(String name) {
        Located at = locate(name);
        return at.home().resolve("logs").resolve(at.name() + ".log");
    }

    /**
     * The start time of a running {@code pid}; empty for no process, and for a zombie (killed, not yet reaped by its
     * supervisor): it is no longer the process, and a second fault aimed at it would hit nothing.
     */
    private static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // Fields counted after the command name, which is in parentheses and may hold spaces: state is field 3,
            // the start time field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return Optional.empty();
            }
            return Optional.of(fields[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstWord(Path file) {
        List<String> words = words(file);
        return words.isEmpty() ? Optional.empty() : Optional.of(words.get(0));
    }

    private static List<String> words(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
