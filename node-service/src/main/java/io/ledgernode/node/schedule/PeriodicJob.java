package io.ledgernode.node.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background job of the node (credit consolidation, expired-hold release): rounds on one daemon thread of its own,
 * {@code interval} between the end of one and the start of the next, so a slow round never overlaps the next.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicJob.class.getName());

    private final ScheduledExecutorService executor;

    private PeriodicJob(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Starts the rounds, the first after one {@code interval}. A round answers what to log about it (nothing when it
     * did nothing worth a line); a round that fails is logged and the next one runs as planned.
     */
    public static PeriodicJob start(String name, Duration interval, Supplier<Optional<String>> round) {
        Objects.requireNonNull(round, "round");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                round.get().ifPresent(LOG::info);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " round failed; the next runs in " + interval, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return new PeriodicJob(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
