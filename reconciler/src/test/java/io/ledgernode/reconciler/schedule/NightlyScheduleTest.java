package io.ledgernode.reconciler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.RunStatus;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.testing.RunHarness;
import io.ledgernode.reconciler.testing.TestDatabase;
import io.ledgernode.reconciler.testing.TwinLedger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

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

                first.triggerJob(NightlySchedule.JOB);
                second.triggerJob(NightlySchedule.JOB);

                List<RunView> runs = awaitRuns(node, 2, Duration.ofSeconds(60));
                assertThat(runs).allSatisfy(run -> {
                    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
                    assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULED);
                });
                RunView older = runs.get(1);
                RunView newer = runs.get(0);
                assertThat(newer.startedAt()).as("the second run waited for the first").isAfterOrEqualTo(older.finishedAt());
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

    private static List<RunView> awaitRuns(TestDatabase.Node node, int count, Duration timeout) throws Exception {
        BreakReader reader = new BreakReader(node.reader());
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<RunView> runs = reader.runs(10, null).runs();
            if (runs.size() >= count && runs.stream().noneMatch(r -> r.status() == RunStatus.RUNNING)) {
                return runs;
            }
            assertThat(Instant.now()).as("runs so far: %s", runs).isBefore(deadline);
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
