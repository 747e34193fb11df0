package io.ledgernode.reconciler.schedule;

import io.ledgernode.reconciler.run.Runner;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Gives Quartz the reconcile job wired with this process's runner (Quartz would otherwise need a no-argument job). */
final class RunnerJobFactory implements JobFactory {

    private final Runner runner;

    RunnerJobFactory(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type != ReconcileJob.class) {
            throw new SchedulerException("this scheduler runs only " + ReconcileJob.class.getName() + ", not " + type.getName());
        }
        return new ReconcileJob(runner);
    }
}
