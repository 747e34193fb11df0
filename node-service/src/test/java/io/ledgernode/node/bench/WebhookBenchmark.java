package io.ledgernode.node.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Webhook delivery on the running node: {@link #CLIENTS} clients send {@link #TRANSFERS} transfers into one account
 * that a subscription watches, and a receiver in this process takes each message. Prints, per transfer, the time from
 * its write's answer (committed) to the receiver having its message, at p50 and p99; messages delivered per second
 * beside transfers committed per second over the same run (goal: delivery keeps up, at least 0.9 of the commit rate);
 * and the node's own measure, from the transaction's time to the first attempt. Run with {@code scripts/ledger bench}.
 * It prints figures; it asserts nothing about time.
 */
public final class WebhookBenchmark {

    private static final int CLIENTS = 8;
    private static final int TRANSFERS = 400;
    private static final Duration DELIVERY_WAIT = Duration.ofMinutes(2);

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Properties node = BenchApi.node(home);
        String api = node.getProperty("api.url");
        Path keys = Path.of(node.getProperty("auth.devDir"));
        String run = BenchApi.runId();
        String issuer = BenchApi.token(keys, "issuer-" + run, Role.ISSUER);
        String operator = BenchApi.token(keys, "operator-" + run, Role.OPERATOR);
        String asset = "W" + run;
        String target = "wb-r-" + run;
        BenchApi.registerAsset(api, issuer, run, asset);
        BenchApi.openAccount(api, operator, target, asset);
        for (int c = 0; c < CLIENTS; c++) {
            BenchApi.openAccount(api, operator, "wb-s" + c + "-" + run, asset);
            BenchApi.mint(api, issuer, "wb-s" + c + "-" + run, TRANSFERS);
        }

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            JsonNode body = Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            arrived.putIfAbsent(body.path("data").path("txId").asText(), now);
            messages.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        try {
            var subscribed = BenchApi.post(api, "/v1/subscriptions", operator, "s-" + run, "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\",\"eventKinds\":[\"CREDIT\"],\"accounts\":[\"" + target + "\"]}");
            if (subscribed.statusCode() == 400 && subscribed.body().contains("private-addresses-allowed")) {
                System.out.println("webhooks: not measured: this node refuses receivers on loopback, where this benchmark's listens; "
                        + "start it with LEDGER_WEBHOOKS_PRIVATE_ALLOWED=true to measure them");
                return;
            }
            if (subscribed.statusCode() != 201) {
                throw new IllegalStateException("the subscription was not created: " + subscribed.statusCode() + " " + subscribed.body());
            }

            String id = Json.MAPPER.readTree(subscribed.body()).path("id").asText();
            String[] txIds = new String[TRANSFERS];
            long[] blocks = new long[TRANSFERS];
            long[] committedAt = new long[TRANSFERS];
            long start = System.nanoTime();
            BenchApi.interleaved(CLIENTS, TRANSFERS, i -> {
                var answer = BenchApi.post(api, "/v1/transfers", operator, "t-" + run + "-" + i,
                        BenchApi.transfer("wb-s" + (i % CLIENTS) + "-" + run, target, asset));
                BenchApi.must(answer);
                committedAt[i] = System.nanoTime();
                JsonNode written = Json.MAPPER.readTree(answer.body());
                txIds[i] = written.path("txId").asText();
                blocks[i] = written.path("blockNumber").asLong();
            });
            long lastCommit = Arrays.stream(committedAt).max().orElseThrow();
            long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
            while (arrived.size() < TRANSFERS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (arrived.size() < TRANSFERS) {
                throw new IllegalStateException("only " + arrived.size() + " of " + TRANSFERS + " messages arrived within " + DELIVERY_WAIT);
            }
            double[] latencyMillis = new double[TRANSFERS];
            long firstArrival = Long.MAX_VALUE;
            long lastArrival = 0;
            for (int i = 0; i < TRANSFERS; i++) {
                long at = arrived.get(txIds[i]);
                latencyMillis[i] = Math.max(0, at - committedAt[i]) / 1e6;
                firstArrival = Math.min(firstArrival, at);
                lastArrival = Math.max(lastArrival, at);
            }
            Arrays.sort(latencyMillis);
            double commitsPerSecond = TRANSFERS / ((lastCommit - start) / 1e9);
            double deliveredPerSecond = TRANSFERS / (Math.max(1, lastArrival - start) / 1e9);
            System.out.printf(Locale.ROOT, "webhooks: %d transfers committed in %.1f s (%.1f/s); their %d messages all arrived %.1f s "
                    + "after the first transfer was sent (%.1f/s)%n", TRANSFERS, (lastCommit - start) / 1e9, commitsPerSecond, TRANSFERS,
                    (lastArrival - start) / 1e9, deliveredPerSecond);
            System.out.printf(Locale.ROOT, "webhooks: commit answered to message received: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    latencyMillis[TRANSFERS / 2], latencyMillis[(int) (TRANSFERS * 0.99)], latencyMillis[TRANSFERS - 1]);
            String metrics = BenchApi.get(api, "/metrics", operator).body();
            System.out.printf(Locale.ROOT, "webhooks: the node's measure, transaction time to first attempt: mean %.0f ms over %s first attempts%n",
                    1000 * metric(metrics, "ledger_webhook_delivery_delay_seconds_sum") / Math.max(1, metric(metrics,
                            "ledger_webhook_delivery_delay_seconds_count")), (long) metric(metrics, "ledger_webhook_delivery_delay_seconds_count"));
            // Every message again at once (a replay from the first block): how fast the node delivers when it is not
            // waiting for the chain.
            int before = messages.get();
            long replayStart = System.nanoTime();
            BenchApi.must(BenchApi.post(api, "/v1/subscriptions/" + id + "/replay?fromBlock=" + Arrays.stream(blocks).min().orElseThrow(),
                    operator, "r-" + run, ""));
            while (messages.get() - before < TRANSFERS && System.nanoTime() < replayStart + DELIVERY_WAIT.toNanos()) {
                Thread.sleep(20);
            }
            double replayedPerSecond = (messages.get() - before) / ((System.nanoTime() - replayStart) / 1e9);
            System.out.printf(Locale.ROOT, "webhooks: a replay of the %d messages delivered them at %.0f/s (one subscription, one at a time)%n",
                    TRANSFERS, replayedPerSecond);
            BenchApi.ratio("webhook-delivery/commit-rate", deliveredPerSecond / commitsPerSecond, ">=", 0.9, String.format(Locale.ROOT,
                    "%.1f messages/s delivered vs %.1f transfers/s committed (%d clients, one subscription); commit to message p50 %.0f ms, "
                            + "p99 %.0f ms", deliveredPerSecond, commitsPerSecond, CLIENTS, latencyMillis[TRANSFERS / 2],
                    latencyMillis[(int) (TRANSFERS * 0.99)]));
        } finally {
            receiver.stop(0);
        }
    }

    /** The value of an unlabelled metric line of Prometheus text, 0 when absent. */
    private static double metric(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }
}
