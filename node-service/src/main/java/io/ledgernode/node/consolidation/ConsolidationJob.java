package io.ledgernode.node.consolidation;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs {@link CreditConsolidator} rounds on one daemon thread, the configured interval between them. */
public final class ConsolidationJob implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsolidationJob.class.getName());

    private final ScheduledExecutorService executor;

    private ConsolidationJob(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the rounds; a round that fails is logged and the next one runs as planned. */
    public static ConsolidationJob start(ConsolidationConfig config, CreditConsolidator consolidator) {
        Objects.requireNonNull(consolidator, "consolidator");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "credit-consolidation");
            thread.setDaemon(true);
            return thread;
        });
        long millis = config.interval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                CreditConsolidator.Round round = consolidator.round();
                if (round.consolidations() > 0) {
                    LOG.info("consolidated " + round.creditsFolded() + " credits in " + round.consolidations()
                            + " transactions for " + round.accountsTried() + " accounts (mirror counted to block "
                            + round.countedToBlock() + ")");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "consolidation round failed; the next runs in " + config.interval(), e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return new ConsolidationJob(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
