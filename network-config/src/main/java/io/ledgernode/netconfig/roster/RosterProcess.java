package io.ledgernode.netconfig.roster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One process of the roster: its name (also its log's and pid files' name), what it is, the org it acts for, the
 * ports it listens on (the first is its main one), its liveness probe, its readiness probe where it has one, and
 * the processes it needs running first (the {@code After=} of its systemd unit).
 */
public record RosterProcess(String name, ProcessKind kind, String org, List<Integer> ports, Probe liveness,
                            Optional<Probe> readiness, List<String> after) {

    public RosterProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(liveness, "liveness");
        Objects.requireNonNull(readiness, "readiness");
        ports = List.copyOf(ports);
        after = List.copyOf(after);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException(name + " listens on no port");
        }
    }
}
