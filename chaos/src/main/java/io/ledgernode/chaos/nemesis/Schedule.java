package io.ledgernode.chaos.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The faults of a run, drawn from a seed before it starts: the same seed gives the same kinds, the same targets (by
 * their place in the sorted list of matching processes) and the same moments, so a failing run can be replayed.
 * Kinds come in shuffled rounds of every kind, so any {@code count} of at least the number of kinds covers them all.
 */
public record Schedule(long seed, List<Planned> faults) {

    /**
     * Fault {@code n}: {@code kind} at {@code at} after the workload starts; {@code pick} chooses among targets;
     * {@code hang} is how long a frozen process stays frozen, or a cut-off host cut off.
     */
    public record Planned(int n, FaultKind kind, Duration at, int pick, Duration hang) {
    }

    public Schedule {
        faults = List.copyOf(faults);
    }

    /** A schedule of the faults a run on one host can inject (no partitions). */
    public static Schedule draw(long seed, int count, Duration duration) {
        return draw(seed, count, duration, FaultKind.processFaults());
    }

    /** A schedule drawing from {@code allowed} kinds only; a partition cuts its host off for 6 to 15 s. */
    public static Schedule draw(long seed, int count, Duration duration, Set<FaultKind> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no fault kind to draw from");
        }
        Random random = new Random(seed);
        List<FaultKind> kinds = new ArrayList<>();
        while (kinds.size() < count) {
            List<FaultKind> round = new ArrayList<>(Arrays.stream(FaultKind.values()).filter(allowed::contains).toList());
            Collections.shuffle(round, random);
            kinds.addAll(round);
        }
        long slot = duration.toMillis() / (count + 1);
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Somewhere in the middle half of its slot, never at its edges.
            long at = slot * (i + 1) - slot / 4 + (slot > 1 ? random.nextLong(Math.max(1, slot / 2)) : 0);
            Duration hang = Duration.ofMillis(2_000 + random.nextInt(3_000));
            FaultKind kind = kinds.get(i);
            // A host cut off longer than a frozen process: past the gateway's re-ordering (5 s), into Raft's election.
            Duration length = kind.action() == FaultKind.Action.CUT ? hang.multipliedBy(3) : hang;
            planned.add(new Planned(i + 1, kind, Duration.ofMillis(at), random.nextInt(1_000), length));
        }
        return new Schedule(seed, planned);
    }
}
