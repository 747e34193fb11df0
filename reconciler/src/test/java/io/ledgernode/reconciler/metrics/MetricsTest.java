package io.ledgernode.reconciler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.process.StatusServer;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.testing.RunHarness;
import io.ledgernode.reconciler.testing.TestDatabase;
import io.ledgernode.reconciler.testing.TwinLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void the_metrics_show_the_last_completed_runs_breaks_by_type_and_the_block_it_is_consistent_at() throws Exception {
        try (TestDatabase.Node node = TestDatabase.freshNode()) {
            TwinLedger twin = new TwinLedger(node);
            twin.block(b -> b.register("USD"));
            twin.block(b -> b.open("alice", "USD", "DE").mint("alice", 10));
            try (Connection connection = node.superuser(); Statement sql = connection.createStatement()) {
                sql.execute("UPDATE mirror.holds SET amount = amount");
                sql.execute("UPDATE mirror.accounts SET held = 1, balance = 9 WHERE id = 'alice'");
            }
            RunOutcome outcome = new RunHarness(node, twin.chain()).run();
            assertThat(outcome).isInstanceOf(RunOutcome.BreaksFound.class);

            try (StatusServer server = new StatusServer("127.0.0.1", 0,
                    new ReconcilerMetrics(new BreakReader(node.reader())).routes())) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("reconciler_breaks{type=\"AMOUNT_MISMATCH\"} 1\n")
                        .contains("reconciler_breaks{type=\"HOLD_MISMATCH\"} 1\n")
                        .contains("reconciler_breaks{type=\"BLOCK_HASH_MISMATCH\"} 0\n")
                        .contains("reconciler_last_run_consistent_block 1\n")
                        .contains("reconciler_last_run_timestamp_seconds ")
                        .contains("reconciler_last_attempt_failed 0\n");
            }
        }
    }
}
