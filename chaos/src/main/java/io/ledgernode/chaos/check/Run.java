package io.ledgernode.chaos.check;

import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A history read back: the bank, each request with its attempts in order, and the faults. */
record Run(Event.Setup setup, Map<String, Event.Request> requests, Map<String, List<Event.Attempt>> attempts,
        List<Event.Fault> faults) {

    static Run of(List<Event> events) {
        Event.Setup setup = null;
        Map<String, Event.Request> requests = new LinkedHashMap<>();
        Map<String, List<Event.Attempt>> attempts = new LinkedHashMap<>();
        List<Event.Fault> faults = new ArrayList<>();
        for (Event event : events) {
            switch (event) {
                case Event.Setup s -> setup = s;
                case Event.Request r -> {
                    if (requests.putIfAbsent(r.key(), r) != null) {
                        throw new IllegalArgumentException("the history announces request " + r.key() + " twice");
                    }
                }
                case Event.Attempt a -> attempts.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a);
                case Event.Fault f -> faults.add(f);
            }
        }
        if (setup == null) {
            throw new IllegalArgumentException("the history has no Setup event: which asset and accounts are the bank's?");
        }
        return new Run(setup, requests, attempts, faults);
    }

    Optional<Answer> lastAnswer(String key) {
        List<Event.Attempt> tries = attempts.getOrDefault(key, List.of());
        return tries.isEmpty() ? Optional.empty() : Optional.of(tries.get(tries.size() - 1).answer());
    }

    long retries() {
        return attempts.values().stream().mapToLong(a -> Math.max(0, a.size() - 1)).sum();
    }

    /** ok, refused by code, unresolved by the last answer's kind. */
    Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : requests.keySet()) {
            String outcome = lastAnswer(key).map(answer -> switch (answer) {
                case Answer.Ok ok -> "ok";
                case Answer.Refused refused -> "refused " + refused.code();
                case Answer.Pending pending -> "unresolved (pending)";
                case Answer.Unavailable unavailable -> "unresolved (" + unavailable.code() + ")";
                case Answer.Timeout timeout -> "unresolved (timeout)";
                case Answer.ConnectionError error -> "unresolved (connection error)";
            }).orElse("never sent");
            counts.merge(outcome, 1L, Long::sum);
        }
        // What the attempts met on the way, settled or not: the faults as clients saw them.
        attempts.values().stream().flatMap(List::stream).forEach(a -> {
            String seen = switch (a.answer()) {
                case Answer.Pending p -> "attempts answered pending";
                case Answer.Timeout t -> "attempts timed out";
                case Answer.ConnectionError c -> "attempts with a connection error";
                case Answer.Unavailable u -> "attempts answered " + u.code();
                default -> null;
            };
            if (seen != null) {
                counts.merge(seen, 1L, Long::sum);
            }
        });
        return counts;
    }

    /**
     * peer0.org1.ledger.local → peer0.org1: the domain is the same for every process. Across hosts the host stays in
     * front (10.0.0.2/peer0.org1), and a partition's target, a host's address, stays whole.
     */
    static String shortName(String name) {
        int slash = name.indexOf('/');
        if (slash >= 0) {
            return name.substring(0, slash + 1) + shortName(name.substring(slash + 1));
        }
        if (name.matches("[0-9.:]+")) {
            return name;
        }
        String[] parts = name.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] : name;
    }

    Map<String, Verdict.FaultLine> faultLines() {
        Instant origin = faults.stream().map(Event.Fault::start).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant first = attempts.values().stream().flatMap(List::stream).map(Event.Attempt::start).min(Instant::compareTo)
                .orElse(origin);
        Map<String, Verdict.FaultLine> lines = new TreeMap<>();
        for (Event.Fault fault : faults) {
            if (fault.kind().equals("NOT_RECOVERED")) {
                continue;
            }
            Verdict.FaultLine line = lines.getOrDefault(fault.kind(), new Verdict.FaultLine(0, List.of(), Map.of()));
            List<Long> seconds = new ArrayList<>(line.seconds());
            seconds.add(Duration.between(first, fault.start()).toSeconds());
            Map<String, Integer> targets = new TreeMap<>(line.targets());
            fault.targets().forEach(t -> targets.merge(shortName(t.name()), 1, Integer::sum));
            lines.put(fault.kind(), new Verdict.FaultLine(line.count() + 1, seconds, targets));
        }
        return lines;
    }
}
