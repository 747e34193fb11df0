package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.DirectHandler;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.ledgernode.api.ErrorCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one mapping of codes to HTTP statuses, and the web server's own refusals in the API's error body. */
class ApiErrorsTest {

    @Test
    void every_chaincode_code_is_an_api_code_and_no_service_code_shadows_one() {
        List<String> names = ApiErrorCode.values().stream().map(ApiErrorCode::name).toList();

        assertThat(names).containsAll(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    }

    @Test
    void every_code_has_an_error_status() {
        for (ApiErrorCode code : ApiErrorCode.values()) {
            assertThat(ApiErrors.status(code).code()).as(code.name()).isBetween(400, 599);
        }
    }

    @Test
    void a_request_the_web_server_refuses_before_routing_gets_the_json_error_body() throws IOException {
        for (var event : Set.of(DirectHandler.EventType.BAD_REQUEST, DirectHandler.EventType.PAYLOAD_TOO_LARGE)) {
            DirectHandler.TransportResponse response = ApiErrors.directHandlers().handler(event)
                    .handle(DirectHandler.TransportRequest.empty(), event, event.defaultStatus(), ServerResponseHeaders.create(), "raw detail");

            JsonNode body = Json.MAPPER.readTree(response.entity().orElseThrow());
            assertThat(response.status()).isEqualTo(event.defaultStatus());
            assertThat(body.path("code").asText()).isEqualTo(event == DirectHandler.EventType.BAD_REQUEST ? "BAD_REQUEST" : "PAYLOAD_TOO_LARGE");
            assertThat(body.path("message").asText()).isNotBlank().doesNotContain("raw detail");
        }
        assertThat(DirectHandler.EventType.PAYLOAD_TOO_LARGE.defaultStatus()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
    }

    @Test
    void caller_input_is_echoed_at_most_64_characters_with_control_characters_masked() {
        assertThat(ApiErrors.quoted("a".repeat(500))).hasSize(64 + 3).endsWith("…\"");
        assertThat(ApiErrors.quoted("a\u0000b")).isEqualTo("\"a?b\"");
    }
}
