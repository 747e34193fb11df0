package io.ledgernode.chaos.nemesis;

import io.ledgernode.chaos.Pause;
import io.ledgernode.chaos.history.Event;
import io.ledgernode.chaos.history.History;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Injects a {@link Schedule}'s faults by process id while the workload runs. Before each fault it waits until the
 * supervisor reports every process live again (at most {@code recoveryMax}): each fault meets a whole node, and a
 * process that never comes back is itself a finding (recorded as a fault with note "not recovered"). Nothing here
 * restarts anything: that is the supervisor's job, and what is being tested.
 */
public final class Nemesis implements Runnable {

    /** The least time between the end of one fault and the next, so that the workload moves money in between. */
    private static final Duration MIN_GAP = Duration.ofSeconds(5);

    private final Processes processes;
    private final Optional<Partitions> partitions;
    private final Schedule schedule;
    private final History history;
    private final Duration recoveryMax;
    private final Consumer<String> progress;
    private final Instant origin;
    private final AtomicInteger injected = new AtomicInteger();
    private volatile boolean stopping;

    public Nemesis(Processes processes, Schedule schedule, History history, Duration recoveryMax,
            Consumer<String> progress, Instant origin) {
        this(processes, Optional.empty(), schedule, history, recoveryMax, progress, origin);
    }

    /** With {@code partitions}, the schedule's PARTITION_HOST faults cut one of {@code processes}' hosts off. */
    public Nemesis(Processes processes, Optional<Partitions> partitions, Schedule schedule, History history,
            Duration recoveryMax, Consumer<String> progress, Instant origin) {
        this.processes = processes;
        this.partitions = partitions;
        this.schedule = schedule;
        this.history = history;
        this.recoveryMax = recoveryMax;
        this.progress = progress;
        this.origin = origin;
    }

    public int injected() {
        return injected.get();
    }

    public void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        Instant lastEnd = Instant.MIN;
        for (Schedule.Planned planned : schedule.faults()) {
            // Late faults (recovery took longer than their slot) still come MIN_GAP apart, not in a burst.
            Instant due = origin.plus(planned.at());
            if (lastEnd.plus(MIN_GAP).isAfter(due)) {
                due = lastEnd.plus(MIN_GAP);
            }
            while (!stopping && Instant.now().isBefore(due)) {
                Pause.of(Duration.ofMillis(100));
            }
            if (stopping) {
                return;
            }
            awaitRecovery(planned.n());
            inject(planned);
            injected.incrementAndGet();
            lastEnd = Instant.now();
        }
    }

    /** Waits until every process is live; a fault's victims that stay down past {@code recoveryMax} are recorded. */
    public boolean awaitRecovery(int beforeFault) {
        Instant deadline = Instant.now().plus(recoveryMax);
        List<String> down = processes.notLive();
        while (!down.isEmpty() && Instant.now().isBefore(deadline)) {
            Pause.of(Duration.ofMillis(250));
            down = processes.notLive();
        }
        if (!down.isEmpty()) {
            history.record(new Event.Fault(beforeFault, "NOT_RECOVERED", down.stream().map(n -> new Event.Target(n, -1)).toList(),
                    Instant.now(), Instant.now(), null, "not live " + recoveryMax.toSeconds() + " s after the previous fault: "
                            + down.stream().map(n -> processes.describe(n, Instant.now())).toList()));
            return false;
        }
        return true;
    }

    /**
     * Waits (at most {@code recoveryMax}) until each killed process has been replaced by a new one: right after a
     * kill the supervisor may not have noticed yet, and its state file still says live.
     */
    private void awaitReplaced(List<Event.Target> killed) {
        Instant deadline = Instant.now().plus(recoveryMax);
        for (Event.Target target : killed) {
            while (Instant.now().isBefore(deadline)
                    && processes.pid(target.name()).map(pid -> pid == target.pid()).orElse(true)) {
                Pause.of(Duration.ofMillis(200));
            }
        }
    }

    private void inject(Schedule.Planned planned) {
        FaultKind kind = planned.kind();
        if (kind.action() == FaultKind.Action.CUT) {
            partition(planned);
            return;
        }
        List<Event.Target> targets = new ArrayList<>();
        for (String prefix : kind.prefixes()) {
            List<String> matching = processes.names().stream().filter(n -> Processes.localName(n).startsWith(prefix)).toList();
            if (matching.isEmpty()) {
                continue;
            }
            String name = matching.get(planned.pick() % matching.size());
            processes.pid(name).ifPresent(pid -> targets.add(new Event.Target(name, pid)));
        }
        Instant start = Instant.now();
        if (targets.size() < kind.prefixes().size()) {
            history.record(new Event.Fault(planned.n(), kind.name(), targets, start, start, null, "target not running"));
            return;
        }
        String txId = null;
        String note = "";
        switch (kind) {
            case KILL_NODE_IN_COMMIT_WINDOW -> {
                Event.Target node = targets.get(0);
                Optional<String> submitted;
                try {
                    submitted = CommitWindow.awaitSubmission(processes.logOf(node.name()), Duration.ofSeconds(30));
                } catch (IOException e) {
                    submitted = Optional.empty();
                    note = "cannot follow the log: " + e.getMessage() + "; ";
                }
                // Frozen first, so that it can take no further step between the log line and the kill.
                Processes.signal("STOP", List.of(node.pid()));
                Processes.signal("KILL", List.of(node.pid()));
                txId = submitted.orElse(null);
                note += submitted.isPresent() ? "killed while awaiting the commit status of " + txId
                        : "no submission seen in 30 s; killed anyway";
            }
            default -> {
                if (kind.action() == FaultKind.Action.KILL) {
                    Processes.signal("KILL", targets.stream().map(Event.Target::pid).toList());
                } else {
                    List<Long> frozen = new ArrayList<>();
                    targets.forEach(t -> frozen.addAll(Processes.withDescendants(t.pid())));
                    Processes.signal("STOP", frozen);
                    Pause.of(planned.hang());
                    Processes.signal("CONT", frozen);
                    note = "frozen " + planned.hang().toMillis() + " ms";
                }
            }
        }
        history.record(new Event.Fault(planned.n(), kind.name(), targets, start, Instant.now(), txId, note));
        if (kind.action() == FaultKind.Action.KILL) {
            awaitReplaced(targets);
        }
        progress.accept(String.format("fault %d/%d %s on %s %s", planned.n(), schedule.faults().size(), kind,
                targets.stream().map(t -> t.name() + "(" + t.pid() + ")").toList(), note));
    }

    /**
     * One host (picked among the hosts) cut off for the planned while, then healed; recorded with the host as its
     * target (pid -1). The host's processes keep running: nothing is restarted, and the next fault waits until every
     * process answers its probe again, as after any fault.
     */
    private void partition(Schedule.Planned planned) {
        List<String> hosts = processes.hosts();
        Instant start = Instant.now();
        if (partitions.isEmpty() || hosts.isEmpty()) {
            history.record(new Event.Fault(planned.n(), planned.kind().name(), List.of(), start, start, null,
                    "no host to cut off (a run on one host)"));
            return;
        }
        String host = hosts.get(planned.pick() % hosts.size());
        List<Event.Target> target = List.of(new Event.Target(host, -1));
        Optional<String> cutFailed = partitions.get().cut(host);
        String note;
        if (cutFailed.isPresent()) {
            note = "the cut failed: " + cutFailed.get();
        } else {
            Pause.of(planned.hang());
            note = "cut off " + planned.hang().toMillis() + " ms";
        }
        // Healed whether or not the cut reported success: a half-done cut must not outlive its fault.
        Optional<String> healFailed = partitions.get().heal(host);
        if (healFailed.isPresent()) {
            note += "; the heal failed: " + healFailed.get();
        }
        history.record(new Event.Fault(planned.n(), planned.kind().name(), target, start, Instant.now(), null, note));
        progress.accept(String.format("fault %d/%d %s on host %s %s", planned.n(), schedule.faults().size(), planned.kind(),
                host, note));
    }
}
