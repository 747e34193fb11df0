package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The API's routes over a real listener on the loopback interface, for what the socket-free routing tests cannot
 * show: a body past max-payload-size refused by the web server itself (with the JSON error body that
 * {@link ApiErrors#directHandlers()} gives it, as in the process), and a NUL in a path, which a real listener passes
 * to the route (it used to reach Postgres and come back as a 503).
 */
@ServerTest
class ServerRefusalsTest {

    private static final int PAYLOAD_MAX = 256;

    private final WebClient client;

    ServerRefusalsTest(WebClient client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(ApiErrors.directHandlers()).maxPayloadSize(PAYLOAD_MAX);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ApiRoutesTest.routing(routing);
    }

    @Test
    void a_body_past_the_payload_maximum_is_413_with_the_json_error_body() throws IOException {
        HttpClientResponse response = client.post("/v1/transfers").header(HeaderNames.AUTHORIZATION, ApiRoutesTest.wallet("alice"))
                .header(Requests.IDEMPOTENCY_KEY, "k1").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"reference\":\"" + "x".repeat(PAYLOAD_MAX * 2) + "\"}");

        assertThat(response.status()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
        assertThat(Json.MAPPER.readTree(response.as(String.class)).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_nul_in_an_account_id_is_400_invalid_argument_not_a_mirror_error() throws IOException {
        HttpClientResponse response = client.get("/v1/accounts/al%00ice").header(HeaderNames.AUTHORIZATION, ApiRoutesTest.wallet("alice")).request();

        JsonNode body = Json.MAPPER.readTree(response.as(String.class));
        assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(body.path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(body.path("message").asText()).doesNotContain("\u0000");
    }
}
