package io.ledgernode.node.bench;

import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What node-service's benchmarks share: development tokens, the REST calls of their set-up, and the one form of a
 * {@code RATIO} line that {@code scripts/ledger bench} gathers into its table.
 */
final class BenchApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchApi() {
    }

    /**
     * The node a benchmark measures, as {@code scripts/ledger up} described it in {@code network/node.properties}:
     * {@code api.url}, {@code auth.devDir} (the development signing key), {@code node.org}.
     */
    static Properties node(Path home) throws IOException {
        Properties node = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("network/node.properties"))) {
            node.load(reader);
        }
        return node;
    }

    /** Six characters naming one run's assets, accounts and keys, so runs on the same network never collide. */
    static String runId() {
        return Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** A development token for subject {@code bench-<subject>}, valid for an hour (a whole benchmark run). */
    static String token(Path keys, String subject, Role role) {
        return DevTokens.mint(keys, "ledger-node-dev", "ledger-node", "bench-" + subject, Set.of(role), Set.of(),
                Optional.empty(), Duration.ofMinutes(60), Clock.systemUTC());
    }

    static HttpResponse<String> post(String api, String path, String token, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String api, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fails the benchmark on anything but 200: its set-up must have happened for its figures to mean anything. */
    static void must(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Registers {@code asset} (2 decimals) as the issuer, under an idempotency key named by the run. */
    static void registerAsset(String api, String issuer, String run, String asset) throws Exception {
        must(post(api, "/v1/assets", issuer, "a-" + run, "{\"code\":\"" + asset + "\",\"decimals\":2}"));
    }

    /** Opens account {@code id} in {@code asset} as the operator (jurisdiction DE). */
    static void openAccount(String api, String operator, String id, String asset) throws Exception {
        must(post(api, "/v1/accounts", operator, "o-" + id, "{\"id\":\"" + id + "\",\"asset\":\"" + asset
                + "\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}"));
    }

    /** Mints {@code amount} minor units into account {@code id} as the issuer. */
    static void mint(String api, String issuer, String id, long amount) throws Exception {
        must(post(api, "/v1/mint", issuer, "m-" + id, "{\"account\":\"" + id + "\",\"amount\":\"" + amount + "\"}"));
    }

    /** A transfer of 1 minor unit, as REST takes it. */
    static String transfer(String from, String to, String asset) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"asset\":\"" + asset + "\",\"amount\":\"1\"}";
    }

    /** {@code RATIO <name> = <value> (goal <op> <goal>) <MET|MISSED>  <details>}: one line of the run's table. */
    static void ratio(String name, double value, String op, double goal, String details) {
        boolean met = op.equals(">=") ? value >= goal : value <= goal;
        System.out.printf(Locale.ROOT, "RATIO %s = %.2f (goal %s %.2f) %s  %s%n", name, value, op, goal,
                met ? "MET" : "MISSED", details);
    }

    /** One operation of a measured run, by its index. */
    interface Indexed {
        void run(int index) throws Exception;
    }

    /**
     * Runs indexes 0..count-1 on {@code clients} threads, client c taking c, c + clients, ... (so a benchmark that gives
     * each client its own accounts by index keeps them apart), and answers each one's latency in microseconds.
     */
    static long[] interleaved(int clients, int count, Indexed operation) throws Exception {
        long[] micros = new long[count];
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                running.add(pool.submit(() -> {
                    for (int i = first; i < count; i += clients) {
                        long t = System.nanoTime();
                        operation.run(i);
                        micros[i] = (System.nanoTime() - t) / 1_000;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return micros;
    }
}
