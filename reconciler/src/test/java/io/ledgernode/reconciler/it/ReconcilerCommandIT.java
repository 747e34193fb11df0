package io.ledgernode.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciler as an operator runs it, from the packaged jar (target/reconciler.jar with target/libs): what
 * {@code scripts/ledger reconcile} runs, its exit statuses, and the scheduler process with its metrics.
 */
class ReconcilerCommandIT {

    private static NetworkUnderTest net;

    @BeforeAll
    static void start() {
        net = new NetworkUnderTest();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void run_reconciles_once_and_exits_0_when_the_mirror_is_clean() throws Exception {
        Result result = reconciler("run", "--set", "network.home=" + net.home);

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("consistent at block").contains("no breaks");
    }

    @Test
    void run_blocks_full_verifies_every_block_from_block_0_and_says_so_while_a_second_run_continues_after_it()
            throws Exception {
        Result full = reconciler("run", "--blocks", "full", "--set", "network.home=" + net.home);
        Result next = reconciler("run", "--set", "network.home=" + net.home);

        assertThat(full.status()).as(full.output()).isZero();
        assertThat(full.output()).contains("(blocks 0-").contains(", full: full verification requested), no breaks");
        assertThat(next.status()).as(next.output()).isZero();
        assertThat(next.output()).contains("continuing a clean run");
    }

    @Test
    void an_unknown_blocks_option_exits_2_naming_the_choices() throws Exception {
        Result sideways = reconciler("run", "--blocks", "sideways", "--set", "network.home=" + net.home);

        assertThat(sideways.status()).isEqualTo(2);
        assertThat(sideways.output().strip()).isEqualTo("reconciler: --blocks takes continue or full, got sideways");
    }

    @Test
    void a_usage_or_configuration_error_exits_2_with_one_line() throws Exception {
        Result unknownKey = reconciler("run", "--set", "network.home=" + net.home, "--set", "compare.pagesize=5");
        Result noMode = reconciler("--set", "network.home=" + net.home);

        assertThat(unknownKey.status()).isEqualTo(2);
        assertThat(unknownKey.output().strip()).isEqualTo("reconciler: unknown configuration key compare.pagesize");
        assertThat(noMode.status()).isEqualTo(2);
        assertThat(noMode.output().strip().lines()).hasSize(1);
    }

    @Test
    void an_on_demand_run_while_another_run_holds_the_lock_exits_3_and_does_nothing() throws Exception {
        try (AdvisoryLock held = ReconcilerDatabase.tryLockRun(net.reconcilerPool).orElseThrow()) {
            Result result = reconciler("run", "--set", "network.home=" + net.home);

            assertThat(result.status()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).contains("another run is in progress");
        }
    }

    @Test
    void the_scheduler_process_serves_the_last_runs_metrics_and_stops_on_SIGTERM() throws Exception {
        assertThat(reconciler("run", "--set", "network.home=" + net.home).status()).isZero();
        int port = 9480 + Integer.parseInt(net.node.getProperty("node.portOffset", "0")) + 7;
        Path log = Files.createTempFile("reconciler-schedule", ".log");
        Process scheduler = command("schedule", "--set", "network.home=" + net.home, "--set", "metrics.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLine(log, "reconciler: scheduled \"0 30 0 * * ?\" (UTC)", Duration.ofSeconds(60));
            String metrics = awaitMetrics(port, Duration.ofSeconds(10));
            assertThat(metrics).contains("reconciler_breaks{type=\"AMOUNT_MISMATCH\"} 0")
                    .contains("reconciler_last_run_consistent_block ").contains("reconciler_last_attempt_failed 0");
        } finally {
            scheduler.destroy();
            assertThat(scheduler.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(scheduler.exitValue()).as(Files.readString(log)).isIn(0, 143);
    }

    private record Result(int status, String output) {
    }

    private static Result reconciler(String... args) throws IOException, InterruptedException {
        Process process = command(args).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static ProcessBuilder command(String... args) {
        Path jar = Path.of("target", "reconciler.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests run after the package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static void awaitLine(Path log, String line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(log).contains(line)) {
            assertThat(Instant.now()).as("\"%s\" in the log: %s", line, Files.readString(log)).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static String awaitMetrics(int port, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // The process is still starting.
            }
            assertThat(Instant.now()).as("metrics on port " + port).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
