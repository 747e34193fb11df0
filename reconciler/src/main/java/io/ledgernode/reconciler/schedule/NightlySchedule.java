package io.ledgernode.reconciler.schedule;

import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.run.Runner;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * Starts this process's member of the clustered scheduler and makes sure the nightly trigger matches the
 * configuration (a changed cron or time zone replaces it; an unchanged one keeps its next fire time).
 */
public final class NightlySchedule {

    public static final JobKey JOB = JobKey.jobKey("reconcile", "ledger");
    public static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly", "ledger");

    private NightlySchedule() {
    }

    /** A started scheduler; shut it down with {@code shutdown(true)} (after interrupting a running job, if any). */
    public static Scheduler start(ReconcilerConfig.Schedule config, DataSource reconcilerPool, Runner runner)
            throws SchedulerException {
        // Quartz finds data sources by name in a process-wide registry; one name per scheduler instance.
        String dataSourceName = "reconciler-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolConnectionProvider(reconcilerPool));
        Scheduler scheduler = new StdSchedulerFactory(properties(config, dataSourceName)).getScheduler();
        // Several cluster members may live in one JVM (tests); Quartz's by-name lookup of schedulers is not used here.
        SchedulerRepository.getInstance().remove(config.schedulerName());
        scheduler.setJobFactory(new RunnerJobFactory(runner));
        ensureTrigger(scheduler, config);
        scheduler.start();
        return scheduler;
    }

    private static void ensureTrigger(Scheduler scheduler, ReconcilerConfig.Schedule config) throws SchedulerException {
        TimeZone zone = TimeZone.getTimeZone(config.timeZone());
        if (scheduler.getTrigger(TRIGGER) instanceof CronTrigger existing && existing.getCronExpression().equals(config.cron())
                && existing.getTimeZone().getID().equals(zone.getID())) {
            return;
        }
        JobDetail job = JobBuilder.newJob(ReconcileJob.class).withIdentity(JOB).storeDurably()
                .withDescription("compare the chain with the mirror and record every break").build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.cron()).inTimeZone(zone)
                        // Every process was down at the hour: run once as soon as one is back.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    private static Properties properties(ReconcilerConfig.Schedule config, String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", config.schedulerName());
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // One run at a time; the second thread serves the cluster's own work (recovery, misfires).
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", ReconcilerDatabase.SCHEMA + ".qrtz_");
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(config.clusterCheckinInterval().toMillis()));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(config.misfireThreshold().toMillis()));
        return properties;
    }
}
