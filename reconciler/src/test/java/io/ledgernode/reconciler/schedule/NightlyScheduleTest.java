package io.ledgernode.reconciler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.RunStatus;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.testing.RunHarness;
import io.ledgernode.reconciler.testing.TestDatabase;
import io.ledgernode.reconciler.testing.TwinLedger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;

/** Two members of the clustered scheduler on one real PostgreSQL job store, as two reconciler processes would be. */
class NightlyScheduleTest {

    @Test
    void the_nightly_trigger_is_stored_in_postgres_and_two_members_never_run_the_job_at_once() throws Exception {
        try (TestDatabase.Node node = TestDatabase.freshNode()) {
            TwinLedger twin = new TwinLedger(node);
            twin.block(b -> b.register("USD"));
            twin.block(b -> b.open("alice", "USD", "DE").open("bob", "USD", "DE").open("carol", "USD", "DE"));
            // Each page query takes a while, so a run lasts long enough for a second one to try to start beside it.
            twin.chain().beforeEachPage(() -> pause(Duration.ofMillis(400)));
            RunHarness harness = new RunHarness(node, twin.chain()).set("compare.pageSize", "1")
                    .set("schedule.clusterCheckinInterval", "PT1S");
            ReconcilerConfig.Schedule schedule = harness.config().schedule();
            Scheduler first = NightlySchedule.start(schedule, node.reconciler(), harness.runner());
            Scheduler second = NightlySchedule.start(schedule, node.reconciler(), harness.runner());
            try {
                assertThat(cronStored(node)).isEqualTo("0 30 0 * * ?|UTC");
                assertThat(first.getSchedulerInstanceId()).isNotEqualTo(second.getSchedulerInstanceId());

                List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
                for (Scheduler member : List.of(first, second)) {
                    member.getListenerManager().addJobListener(new JobListenerSupport() {
                        @Override
                        public String getName() {
                            return "outcomes";
                        }

                        @Override
                        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                            outcomes.add((RunOutcome) context.getResult());
                        }
                    }, KeyMatcher.keyEquals(NightlySchedule.JOB));
                }

                first.triggerJob(NightlySchedule.JOB);
                second.triggerJob(NightlySchedule.JOB);

                // Quartz usually holds the second trigger until the first run ends, but a member whose acquired
                // trigger was blocked releases it to WAITING at once, so it may also fire during the run: then the
                // run lock turns it away (Busy) and only one run is recorded. Either way, no two runs overlap.
                awaitOutcomes(outcomes, 2, Duration.ofSeconds(90));
                assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome)
                        .isInstanceOfAny(RunOutcome.Clean.class, RunOutcome.Busy.class));
                long completed = outcomes.stream().filter(RunOutcome.Clean.class::isInstance).count();
                assertThat(completed).as("at least one trigger ran: %s", outcomes).isPositive();

                List<RunView> runs = new BreakReader(node.reader()).runs(10, null).runs();
                assertThat(runs).as("one recorded run per trigger that ran").hasSize((int) completed);
                assertThat(runs).allSatisfy(run -> {
                    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
                    assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULED);
                });
                for (int i = 0; i + 1 < runs.size(); i++) {
                    RunView newer = runs.get(i);
                    RunView older = runs.get(i + 1);
                    assertThat(newer.startedAt()).as("a run starts only after the one before it ended")
                            .isAfterOrEqualTo(older.finishedAt());
                }
            } finally {
                first.shutdown(true);
                second.shutdown(true);
            }
        }
    }

    private static String cronStored(TestDatabase.Node node) throws Exception {
        try (Connection connection = node.superuser(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT cron_expression, time_zone_id FROM reconciler.qrtz_cron_triggers")) {
            rs.next();
            return rs.getString(1) + "|" + rs.getString(2);
        }
    }

    private static void awaitOutcomes(List<RunOutcome> outcomes, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (outcomes.size() < count) {
            assertThat(Instant.now()).as("outcomes so far: %s", outcomes).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
