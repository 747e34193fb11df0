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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API's routes over a real listener on the loopback interface, for what the socket-free routing tests cannot
 * show: a body past max-payload-size refused by the web server itself (with the JSON error body that
 * {@link ApiErrors#directHandlers()} gives it, as in the process), and a NUL in a path, which a real listener passes
 * to the route (it used to reach Postgres and come back as a 503).
 */
@ServerTest
class ServerRefusalsTest {

    private static final int PAYLOAD_MAX = 256;
    private static final String CHUNKED_TRANSFER = "POST /v1/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
            + ApiRoutesTest.wallet("alice") + "\r\nIdempotency-Key: k1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    private final WebClient client;
    private final URI uri;

    ServerRefusalsTest(WebClient client, URI uri) {
        this.client = client;
        this.uri = uri;
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

    /**
     * A chunk size that is not hexadecimal, negative or past what the server takes is the caller's malformed framing.
     * Helidon 4.5 throws a bare NumberFormatException for it from inside the body's read, which was answered 500.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ZZ", "FFFFFFFFFFFFFFFFFFFF", "-5", "7fffffffffffffff"})
    void a_chunked_body_with_a_malformed_chunk_size_is_400_bad_request_never_500(String chunkSize)
            throws IOException {
        String answer = exchange(CHUNKED_TRANSFER + chunkSize + "\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain(" 500 ").doesNotContain("Exception");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(Json.MAPPER.readTree(body).path("code").asText()).isEqualTo("BAD_REQUEST");
    }

    /** A chunk-size line with a 100 KB extension: refused as framing, never a 500, never read for ever. */
    @Test
    void a_chunk_size_line_with_a_huge_extension_is_refused_without_a_500() throws IOException {
        String answer = exchange(CHUNKED_TRANSFER + "2;ext=" + "x".repeat(100_000) + "\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 4").doesNotContain(" 500 ").doesNotContain("Exception");
    }

    @Test
    void two_authorization_headers_are_401_whichever_caller_each_names() throws IOException {
        String answer = exchange("GET /v1/accounts/alice HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + ApiRoutesTest.wallet("alice")
                + "\r\nAuthorization: " + ApiRoutesTest.wallet("alice") + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 401 ");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(Json.MAPPER.readTree(body).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(body).contains("More than one Authorization header");
    }

    /**
     * Sends {@code request} as it is over a new socket, ends the sending side and reads to the end, which returns only
     * once the server has closed the connection (else the read times out).
     */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
