package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StatusServerTest {

    private static HttpResponse<String> get(StatusServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void live_answers_up_and_the_processes_routes_answer_what_they_say() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (StatusServer server = new StatusServer("127.0.0.1", 0, Map.of(
                "/metrics", () -> StatusServer.Answer.prometheus("# HELP x X\n# TYPE x gauge\nx 1\n"),
                "/health/ready", () -> StatusServer.Answer.json(ready.get() ? 200 : 503, "{\"ready\":" + ready.get() + "}")))) {

            HttpResponse<String> live = get(server, "/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(live.headers().firstValue("Content-Type")).contains("application/json");

            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).endsWith("x 1\n");
            assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4");

            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(server, "/health/ready").body()).isEqualTo("{\"ready\":true}");
            assertThat(get(server, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_liveness_route_is_the_kits_own() {
        assertThatThrownBy(() -> new StatusServer("127.0.0.1", 0, Map.of(StatusServer.LIVE, () -> StatusServer.Answer.text(200, ""))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
