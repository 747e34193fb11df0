package io.ledgernode.node.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's processes as their supervisors record them in {@code LEDGER_HOME/run} (scripts/lib/supervise.sh):
 * {@code NAME.state} (what the supervisor saw last), {@code NAME.restarts}, and {@code NAME.child} ("pid start-time"
 * of the process itself). A process is running only when its recorded pid still runs with the recorded start time,
 * so a recycled pid is never taken for ours.
 */
public final class Processes {

    /**
     * One supervised process: its supervisor's state word (starting, running, backoff, failed, ...), since when
     * (ISO-8601, null when not recorded) and why; {@code pid} is null when it does not run.
     */
    public record Line(String name, String state, String since, String detail, boolean running, Long pid, Long restarts) {
    }

    /** Most processes listed (a network of a few orgs has tens). */
    static final int PROCESSES_MAX = 200;

    private final Path run;

    public Processes(Path run) {
        this.run = run;
    }

    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        if (!Files.isDirectory(run)) {
            return lines;
        }
        try (DirectoryStream<Path> states = Files.newDirectoryStream(run, "*.state")) {
            for (Path state : states) {
                if (lines.size() == PROCESSES_MAX) {
                    break;
                }
                String name = state.getFileName().toString().replaceFirst("\\.state$", "");
                Optional<Long> pid = livePid(run.resolve(name + ".child"));
                String[] recorded = firstLine(state).orElse("unknown").split(" ", 3);
                String since = recorded.length > 1 ? number(recorded[1]).map(s -> java.time.Instant.ofEpochSecond(s).toString()).orElse(null) : null;
                lines.add(new Line(name, recorded[0], since, recorded.length > 2 ? recorded[2] : "", pid.isPresent(), pid.orElse(null),
                        firstLine(run.resolve(name + ".restarts")).flatMap(Processes::number).orElse(null)));
            }
        } catch (IOException e) {
            // The run directory went away under us (the network is being stopped): nothing to list.
            return List.of();
        }
        lines.sort(java.util.Comparator.comparing(Line::name));
        return lines;
    }

    private static Optional<Long> livePid(Path child) {
        Optional<String[]> fields = firstLine(child).map(text -> text.trim().split("\\s+"));
        if (fields.isEmpty() || fields.get().length < 2) {
            return Optional.empty();
        }
        Optional<Long> pid = number(fields.get()[0]);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        // Field 22 of /proc/PID/stat is the start time the supervisor recorded; another value is another process.
        Optional<String> stat = firstLine(Path.of("/proc", Long.toString(pid.get()), "stat"));
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        String afterName = stat.get().substring(stat.get().lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        boolean same = rest.length > 19 && rest[19].equals(fields.get()[1]) && !rest[0].equals("Z");
        return same ? pid : Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
