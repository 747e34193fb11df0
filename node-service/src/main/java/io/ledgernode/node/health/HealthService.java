package io.ledgernode.node.health;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health/live}, {@code /health/ready} (503 with the failing checks when not ready) and {@code /metrics}. */
public final class HealthService implements HttpService {

    private final Readiness readiness;
    private final NodeMetrics metrics;

    public HealthService(Readiness readiness, NodeMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/live", this::live).get("/health/ready", this::ready).get("/metrics", this::metrics);
    }

    private void live(ServerRequest request, ServerResponse response) {
        Json.send(response, Status.OK_200, Map.of("status", "UP"));
    }

    private void ready(ServerRequest request, ServerResponse response) {
        Map<String, String> checks = readiness.check();
        boolean up = checks.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        Json.send(response, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.send(metrics.scrape());
    }
}
