package io.ledgernode.netconfig.roster;

import java.util.Objects;

/**
 * One probe of a process, as {@code scripts/lib/probe.sh} runs it: {@code http URL} (answers 2xx), {@code tcp
 * HOST:PORT} (accepts a connection) or {@code pg HOST:PORT} (answers PostgreSQL's SSLRequest).
 */
public record Probe(Kind kind, String target) {

    /** The probe kinds probe.sh knows. */
    public enum Kind { HTTP, TCP, PG }

    public Probe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        if (target.isBlank() || target.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a probe target is one word, got '" + target + "'");
        }
    }

    public static Probe http(String host, int port, String path) {
        return new Probe(Kind.HTTP, "http://" + host + ":" + port + path);
    }

    public static Probe tcp(String host, int port) {
        return new Probe(Kind.TCP, host + ":" + port);
    }

    public static Probe pg(String host, int port) {
        return new Probe(Kind.PG, host + ":" + port);
    }

    /** {@code KIND TARGET}, the arguments of probe.sh. */
    public String words() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
    }
}
