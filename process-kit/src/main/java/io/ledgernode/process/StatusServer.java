package io.ledgernode.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A process's status endpoint on a loopback address: {@code /health/live} (the process answers) and the routes the
 * process adds, typically {@code /metrics} (Prometheus text) and {@code /health/ready}. Routes match by path prefix,
 * any method, as the JDK's server does.
 */
public final class StatusServer implements AutoCloseable {

    /** The liveness route every process answers. */
    public static final String LIVE = "/health/live";
    /** Connections waiting to be accepted. */
    private static final int BACKLOG_MAX = 16;

    /** One answer of a route. */
    public record Answer(int status, String body, String contentType) {
        public Answer {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(contentType, "contentType");
        }

        /** 200 with a Prometheus text exposition (version 0.0.4). */
        public static Answer prometheus(String exposition) {
            return new Answer(200, exposition, "text/plain; version=0.0.4");
        }

        public static Answer json(int status, String json) {
            return new Answer(status, json, "application/json");
        }

        public static Answer text(int status, String text) {
            return new Answer(status, text, "text/plain");
        }
    }

    private final HttpServer server;

    /** Listens on {@code host:port} (port 0: a free one, see {@link #port()}) and answers {@code routes} and {@link #LIVE}. */
    public StatusServer(String host, int port, Map<String, Supplier<Answer>> routes) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(routes, "routes");
        if (routes.containsKey(LIVE)) {
            throw new IllegalArgumentException(LIVE + " is the kit's own route");
        }
        server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG_MAX);
        server.createContext(LIVE, exchange -> answer(exchange, Answer.json(200, "{\"status\":\"UP\"}")));
        routes.forEach((path, route) -> server.createContext(path, exchange -> answer(exchange, route.get())));
        server.start();
    }

    /** The port it listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
