package io.ledgernode.reconciler.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** {@code /metrics} (Prometheus) and {@code /health/live} on a loopback address. */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;

    public MetricsServer(String host, int port, ReconcilerMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/metrics", exchange -> {
            try {
                answer(exchange, 200, metrics.prometheus(), "text/plain; version=0.0.4");
            } catch (SQLException e) {
                answer(exchange, 503, "# the reconciler's database is unavailable: " + e.getMessage() + "\n", "text/plain");
            }
        });
        server.createContext("/health/live", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}", "application/json"));
        server.start();
    }

    /** The port it listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return server.getAddress().getPort();
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
