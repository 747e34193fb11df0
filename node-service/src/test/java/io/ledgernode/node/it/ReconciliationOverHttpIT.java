package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reconciliation run on demand (the reconciler's own command, as scripts/ledger reconcile runs it), then its run,
 * its breaks and its signed reports as operators, auditors and regulators read them from the node.
 */
class ReconciliationOverHttpIT {

    private static final NodeFixture node = NodeFixture.locate();

    @Test
    void a_clean_run_is_listed_with_its_height_and_its_consolidated_report_is_served_to_auditors_only() throws Exception {
        Path home = Path.of(System.getProperty("ledger.it.home"));
        Path jar = Path.of(System.getProperty("reconciler.jar", "../reconciler/target/reconciler.jar"));
        Process run = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), "run",
                "--set", "network.home=" + home, "--set", "reports.day=current").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        Path report = Path.of(lines.get(lines.size() - 1));
        assertThat(Files.exists(report.resolve("manifest.json.p7s"))).as(output).isTrue();

        String auditor = node.token(Set.of(Role.AUDITOR), Set.of(), Optional.empty());
        JsonNode latest = Json.MAPPER.readTree(node.get("/v1/reconciliation/runs?limit=1", auditor).body()).path("runs").get(0);
        assertThat(latest.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(latest.path("breaksFound").asLong()).isZero();
        assertThat(latest.path("consistentBlock").asLong()).isPositive();
        long runId = latest.path("id").asLong();
        assertThat(Json.MAPPER.readTree(node.get("/v1/reconciliation/runs/" + runId + "/breaks", auditor).body())
                .path("breaks").size()).isZero();

        String name = report.getFileName().toString();
        assertThat(node.get("/v1/reports/ALL/reconciliation/" + name + "/manifest.json", auditor).statusCode()).isEqualTo(200);
        String regulator = node.token(Set.of(Role.REGULATOR), Set.of(), Optional.of("DE"));
        assertThat(node.get("/v1/reports/ALL/reconciliation/" + name + "/manifest.json", regulator).statusCode()).isEqualTo(404);
        // Issue 10: the run's counts are the whole consortium's; a regulator sees the run, not them.
        JsonNode seenByRegulator = Json.MAPPER.readTree(node.get("/v1/reconciliation/runs/" + runId, regulator).body());
        assertThat(seenByRegulator.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(seenByRegulator.has("breaksFound")).isFalse();
        assertThat(seenByRegulator.has("accountsCompared")).isFalse();
        String wallet = node.token(Set.of(Role.WALLET), Set.of("someone"), Optional.empty());
        assertThat(node.get("/v1/reconciliation/runs", wallet).statusCode()).isEqualTo(403);
    }
}
