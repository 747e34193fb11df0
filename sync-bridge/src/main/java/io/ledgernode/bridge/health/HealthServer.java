package io.ledgernode.bridge.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} (Prometheus), {@code /health/live} (the process answers) and {@code /health/ready} (caught up:
 * lag at most the configured number of blocks, and following), on a loopback address.
 */
public final class HealthServer implements AutoCloseable {

    private final HttpServer server;

    public HealthServer(String host, int port, BridgeMetrics metrics, int lagReadyBlocksMax, BooleanSupplier following) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/metrics", exchange -> answer(exchange, 200, metrics.prometheus(), "text/plain; version=0.0.4"));
        server.createContext("/health/live", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}", "application/json"));
        server.createContext("/health/ready", exchange -> {
            long lag = metrics.lagBlocks();
            boolean ready = following.getAsBoolean() && lag <= lagReadyBlocksMax;
            answer(exchange, ready ? 200 : 503, "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"lagBlocks\":" + lag + "}",
                    "application/json");
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
