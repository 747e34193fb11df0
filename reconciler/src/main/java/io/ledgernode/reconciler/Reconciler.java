package io.ledgernode.reconciler;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.process.CommandLine;
import io.ledgernode.process.Logs;
import io.ledgernode.process.StatusServer;
import io.ledgernode.reconciler.chain.GatewayChainReader;
import io.ledgernode.reconciler.compare.Reconciliation;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.metrics.ReconcilerMetrics;
import io.ledgernode.reconciler.report.PseudonymKey;
import io.ledgernode.reconciler.report.ReportHandOff;
import io.ledgernode.reconciler.report.ResultHandOff;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.run.Runner;
import io.ledgernode.reconciler.schedule.NightlySchedule;
import io.ledgernode.reports.LargeValueThresholds;
import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportPublisher;
import io.ledgernode.reports.ReportsConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;

/**
 * The reconciler process.
 *
 * <p>Usage: {@code Reconciler run|schedule [--config FILE] [--set key=value]...}
 * <ul>
 * <li>{@code run}: one reconciliation now, then exit; its block pass continues from the last clean run, or with
 * {@code --blocks full} re-verifies every block from block 0. Status 0: completed, no breaks; 1: completed, breaks found
 * (recorded under the run); 2: usage or configuration error (one line on stderr); 3: another run holds the run lock
 * (nothing done); 4: the run failed (chain or mirror unreachable, or the mirror lagging beyond
 * {@code compare.mirrorWaitMax}), recorded as FAILED.
 * <li>{@code schedule}: the nightly schedule, as one member of the Quartz cluster, with {@code /metrics} and
 * {@code /health/live} on {@code metrics.host:metrics.port}; stops on SIGTERM (a run in progress is interrupted and
 * recorded as FAILED).
 * </ul>
 */
public final class Reconciler {

    static final int USAGE = 2;
    private static final String USAGE_LINE = "usage: reconciler run|schedule [--blocks continue|full] [--config FILE] "
            + "[--set key=value]...";
    /** {@code run --blocks full}: re-verify every block from block 0 (default {@code continue}: from the last clean run). */
    private static final String BLOCKS = "--blocks";
    /** The libraries whose start-up chatter is kept to warnings. */
    private static final String[] QUIET_LOGGERS = {"org.flywaydb", "com.zaxxer.hikari", "org.quartz", "io.grpc"};

    private Reconciler() {
    }

    public static void main(String[] args) {
        Logs.configure(QUIET_LOGGERS);
        String mode;
        BlockCoverage blocks;
        ReconcilerConfig config;
        NetworkProfile profile;
        try {
            if (args.length == 0 || !(args[0].equals("run") || args[0].equals("schedule"))) {
                throw new IllegalArgumentException(USAGE_LINE);
            }
            mode = args[0];
            CommandLine line = CommandLine.parse(args, 1, Set.of(BLOCKS), USAGE_LINE);
            blocks = blocks(line.option(BLOCKS, "continue"));
            config = config(line);
            profile = NetworkProfile.ofHome(Path.of(config.network().home()));
            profile.org(config.network().org()).identity(config.network().identity());
        } catch (RuntimeException e) {
            System.err.println("reconciler: " + firstLine(e));
            System.exit(USAGE);
            return;
        }
        System.exit(mode.equals("run") ? runOnce(config, profile, blocks) : schedule(config, profile));
    }

    private static BlockCoverage blocks(String option) {
        return switch (option) {
            case "continue" -> BlockCoverage.INCREMENTAL;
            case "full" -> BlockCoverage.FULL;
            default -> throw new IllegalArgumentException(BLOCKS + " takes continue or full, got " + option);
        };
    }

    private static int runOnce(ReconcilerConfig config, NetworkProfile profile, BlockCoverage blocks) {
        try (HikariDataSource own = ownPool(config); HikariDataSource mirror = mirrorPool(config)) {
            ReconcilerDatabase.migrate(own);
            ReportHandOff reports = reports(config, profile, mirror);
            RunOutcome outcome = runner(config, profile, own, mirror, reports).runOnce(Trigger.ON_DEMAND, blocks);
            // The run's log lines out first: the report's directory must be the last line even with both streams merged.
            Logs.flush();
            System.out.println(describe(outcome));
            reports.lastPublished().forEach(report -> System.out.println("reconciler: published " + report.directory()));
            // The last line is the directory of the run's reconciliation report (every jurisdiction's breaks).
            reports.lastConsolidatedReconciliation().ifPresent(report -> System.out.println(report.directory()));
            return outcome.exitStatus();
        } catch (RuntimeException e) {
            System.err.println("reconciler: " + firstLine(e));
            return new RunOutcome.Failed(-1, firstLine(e)).exitStatus();
        }
    }

    private static int schedule(ReconcilerConfig config, NetworkProfile profile) {
        try (HikariDataSource own = ownPool(config); HikariDataSource mirror = mirrorPool(config)) {
            ReconcilerDatabase.migrate(own);
            Scheduler scheduler = NightlySchedule.start(config.schedule(), own,
                    runner(config, profile, own, mirror, reports(config, profile, mirror)));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    scheduler.interrupt(NightlySchedule.JOB);
                    scheduler.shutdown(true);
                } catch (Exception e) {
                    System.err.println("reconciler: stopping the scheduler: " + firstLine(e));
                }
                stopped.countDown();
            }, "reconciler-stop"));
            try (StatusServer metrics = new StatusServer(config.metrics().host(), config.metrics().port(),
                    new ReconcilerMetrics(new BreakReader(own)).routes())) {
                System.out.println("reconciler: scheduled \"" + config.schedule().cron() + "\" (" + config.schedule().timeZone()
                        + ") as " + scheduler.getSchedulerInstanceId() + "; metrics on http://" + config.metrics().host() + ":"
                        + metrics.port() + "/metrics");
                stopped.await();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            System.err.println("reconciler: " + firstLine(e));
            return 4;
        }
    }

    private static Runner runner(ReconcilerConfig config, NetworkProfile profile, HikariDataSource own, HikariDataSource mirror,
                                 ResultHandOff reports) {
        return new Runner(config.compare(), own, mirror,
                () -> GatewayChainReader.open(profile, config.network().org(), config.network().identity()),
                reports, runnerName(), Clock.systemUTC());
    }

    /**
     * The report publisher of completed runs: signed with {@code reports.signingIdentity} of the network's org (the
     * publisher refuses an identity its org's CA did not certify), under {@code reports.root}.
     */
    private static ReportHandOff reports(ReconcilerConfig config, NetworkProfile profile, HikariDataSource mirror) {
        ReconcilerConfig.Reports reports = config.reports();
        Path home = Path.of(config.network().home());
        Path root = reports.root().isBlank() ? home.resolve("reports") : Path.of(reports.root());
        Path pseudonymKey = reports.pseudonymKeyFile().isBlank() ? home.resolve("reports.key") : Path.of(reports.pseudonymKeyFile());
        NetworkProfile.Org org = profile.org(config.network().org());
        // The identity's MSP directory: signcerts/<cert>.pem, keystore/priv_sk and cacerts/ sit side by side in it.
        Path msp = org.identity(reports.signingIdentity()).certificateFile().toAbsolutePath().getParent().getParent();
        try {
            PseudonymKey.ensure(pseudonymKey);
            ReportsConfig reportsConfig = ReportsConfig.fromMsp(root, reports.nodeName(), org.mspId(), msp, pseudonymKey)
                    .withLargeValue(LargeValueThresholds.of(reports.largeValueThreshold()));
            return new ReportHandOff(new ReportPublisher(reportsConfig), mirror, reports.day().equals("previous"));
        } catch (java.io.IOException | ReportException e) {
            throw new IllegalArgumentException("reports: cannot set up the report signer (" + firstLine(e) + ")", e);
        }
    }

    private static HikariDataSource ownPool(ReconcilerConfig config) {
        return ReconcilerDatabase.pool(config.database(), Path.of(config.network().home()), "reconciler", false);
    }

    private static HikariDataSource mirrorPool(ReconcilerConfig config) {
        return ReconcilerDatabase.pool(config.mirror(), Path.of(config.network().home()), "mirror-reader", true);
    }

    static String describe(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Clean clean -> "reconciler: run " + clean.runId() + " consistent at block "
                    + clean.summary().consistentBlock() + ": " + clean.summary().accountsCompared() + " accounts, "
                    + clean.summary().assetsCompared() + " assets, " + clean.summary().blocksCompared() + " blocks ("
                    + blockRange(clean.summary()) + "), no breaks";
            case RunOutcome.BreaksFound found -> "reconciler: run " + found.runId() + " consistent at block "
                    + found.summary().consistentBlock() + " (" + blockRange(found.summary()) + "): "
                    + found.summary().breaksFound() + " breaks " + found.summary().breaksByType();
            case RunOutcome.Busy busy -> "reconciler: another run is in progress (" + busy.holder() + "); nothing done";
            case RunOutcome.Failed failed -> "reconciler: run " + failed.runId() + " failed: " + failed.reason();
        };
    }

    /** Which blocks the run verified, e.g. "blocks 812-940 verified, continuing a clean run". */
    static String blockRange(Reconciliation.Summary summary) {
        String range = summary.firstBlock() > summary.consistentBlock() ? "no new block since block " + summary.consistentBlock()
                : "blocks " + summary.firstBlock() + "-" + summary.consistentBlock() + " verified";
        return switch (summary.blockCoverage()) {
            case FULL -> range + ", full: " + summary.coverageReason();
            case INCREMENTAL -> range + ", continuing a clean run";
        };
    }

    private static ReconcilerConfig config(CommandLine line) {
        ReconcilerConfig config = ReconcilerConfig.load(line.configFile(), line.overrides());
        if (config.network().home().isBlank()) {
            throw new IllegalArgumentException("network.home is not set (the LEDGER_HOME of the network to reconcile)");
        }
        return config;
    }

    private static String runnerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
