package io.ledgernode.reconciler.run;

import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.reconciler.breaks.RunLog;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.compare.BlockStart;
import io.ledgernode.reconciler.compare.BreakSink;
import io.ledgernode.reconciler.compare.Reconciliation;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.report.ResultHandOff;
import io.ledgernode.reconciler.report.ResultMapping;
import io.ledgernode.reports.reconciliation.ReconciliationResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one reconciliation under the run lock, for the command line and for the scheduled job alike: records the run,
 * compares, records how it ended, and hands a completed run's result to the report writer. Never throws for a run
 * that could not be done: that is a {@link RunOutcome}.
 */
public final class Runner {

    private static final Logger LOG = Logger.getLogger(Runner.class.getName());

    private final ReconcilerConfig.Compare config;
    private final DataSource reconcilerPool;
    private final DataSource mirrorPool;
    private final Supplier<ChainReader> chains;
    private final ResultHandOff handOff;
    private final String runnerName;
    private final Clock clock;

    /**
     * @param reconcilerPool the reconciler's own role: run lock, runs and breaks
     * @param mirrorPool the mirror's read-only role
     * @param chains opens a connection to the chain for one run (closed after it)
     * @param handOff receives each completed run's result
     * @param runnerName who runs (host and pid), recorded with each run
     */
    public Runner(ReconcilerConfig.Compare config, DataSource reconcilerPool, DataSource mirrorPool,
                  Supplier<ChainReader> chains, ResultHandOff handOff, String runnerName, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.reconcilerPool = Objects.requireNonNull(reconcilerPool, "reconcilerPool");
        this.mirrorPool = Objects.requireNonNull(mirrorPool, "mirrorPool");
        this.chains = Objects.requireNonNull(chains, "chains");
        this.handOff = Objects.requireNonNull(handOff, "handOff");
        this.runnerName = Objects.requireNonNull(runnerName, "runnerName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One run whose block pass continues from the last clean run where it may (see {@link #blockStart}). */
    public RunOutcome runOnce(Trigger trigger) {
        return runOnce(trigger, BlockCoverage.INCREMENTAL);
    }

    /**
     * One run; {@code requested} FULL re-verifies every block from block 0, INCREMENTAL continues from the last clean
     * run unless a full verification is due.
     */
    public RunOutcome runOnce(Trigger trigger, BlockCoverage requested) {
        try (AdvisoryLock lock = ReconcilerDatabase.tryLockRun(reconcilerPool).orElse(null)) {
            if (lock == null) {
                return new RunOutcome.Busy(ReconcilerDatabase.runLockHolder(reconcilerPool));
            }
            return runLocked(trigger, blockStart(requested));
        } catch (SQLException e) {
            return new RunOutcome.Failed(-1, "the reconciler's database: " + oneLine(e));
        }
    }

    /**
     * Where the block pass starts: after the last block the latest clean run verified, unless a full pass was
     * requested, no clean run exists, the latest full verification is older than {@code fullVerificationEvery}, or it
     * came after the latest clean run (so it found breaks). Read under the run lock, so no other run is recording
     * meanwhile.
     */
    BlockStart blockStart(BlockCoverage requested) throws SQLException {
        if (requested == BlockCoverage.FULL) {
            return new BlockStart.Genesis("full verification requested");
        }
        BreakReader runs = new BreakReader(reconcilerPool);
        Optional<RunView> clean = runs.latestClean();
        if (clean.isEmpty()) {
            return new BlockStart.Genesis("no clean run to continue from");
        }
        Optional<RunView> full = runs.latestFullVerification();
        Instant due = clock.instant().minus(config.fullVerificationEvery());
        if (full.isEmpty() || full.get().finishedAt().isBefore(due)) {
            return new BlockStart.Genesis("the last full verification is older than " + config.fullVerificationEvery());
        }
        // A full verification after the last clean run found breaks: every block again until a run is clean. Among
        // them the kept hash the chain no longer has, which a run continuing from that clean run would meet again.
        if (full.get().id() > clean.get().id()) {
            return new BlockStart.Genesis("the last full verification, run " + full.get().id() + ", found breaks");
        }
        RunView from = clean.get();
        return new BlockStart.After(from.id(), from.consistentBlock(), HexFormat.of().parseHex(from.consistentBlockHash()));
    }

    private RunOutcome runLocked(Trigger trigger, BlockStart start) throws SQLException {
        RunLog log = new RunLog(reconcilerPool);
        long runId = log.start(trigger, clock.instant(), runnerName);
        LOG.info(() -> "run " + runId + " (" + trigger + ") started");
        BreakSink sink = new BreakSink(log, runId, config.breakBatchSize());
        Reconciliation.Summary summary;
        try (ChainReader chain = chains.get()) {
            summary = new Reconciliation(chain, mirrorPool, config).run(sink, start);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failed(log, runId, sink, e);
        }
        log.complete(runId, new RunLog.Completion(summary.consistentBlock(), summary.consistentBlockHash(),
                summary.accountsCompared(), summary.assetsCompared(), summary.blocksCompared(), summary.breaksFound(),
                clock.instant(), summary.firstBlock(), summary.blockCoverage(), summary.coverageReason()));
        LOG.info(() -> "run " + runId + " completed: consistent at block " + summary.consistentBlock() + ", "
                + summary.breaksFound() + " breaks " + summary.breaksByType());
        handOff(runId);
        return summary.breaksFound() == 0 ? new RunOutcome.Clean(runId, summary) : new RunOutcome.BreaksFound(runId, summary);
    }

    /**
     * ===== REPORT HAND-OFF =====
     * The one place a completed run's {@link ReconciliationResult} leaves the reconciler: built from the recorded run
     * and breaks, handed to {@link #handOff} (the report publisher, once wired; a log line until then). The run is
     * already committed as COMPLETED; a publisher that fails is logged and does not change the run's outcome.
     */
    private void handOff(long runId) {
        try {
            ReconciliationResult result = ResultMapping.of(new BreakReader(reconcilerPool), runId);
            handOff.accept(result);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "run " + runId + ": handing the result to the report writer failed: " + oneLine(e), e);
        }
    }

    private RunOutcome failed(RunLog log, long runId, BreakSink sink, Exception cause) {
        String reason = oneLine(cause);
        LOG.log(Level.WARNING, "run " + runId + " failed: " + reason, cause);
        try {
            sink.flush();
            log.fail(runId, reason, sink.total(), clock.instant());
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "run " + runId + ": could not record its failure: " + oneLine(e), e);
        }
        return new RunOutcome.Failed(runId, reason);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
