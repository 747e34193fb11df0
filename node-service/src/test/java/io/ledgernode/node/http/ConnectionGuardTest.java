package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.socket.SocketOptions;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slow clients over a real listener with a read timeout of one second: a request that stops arriving loses its
 * connection (it used to keep it, and its thread, for ever), while a slow but steady one and an idle keep-alive
 * connection are served as before. The client side waits up to 10 s, so a connection the server keeps fails the test.
 */
@ServerTest
class ConnectionGuardTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final int CLIENT_WAIT_MILLIS = 10_000;

    private final URI uri;

    ConnectionGuardTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(ApiErrors.directHandlers())
                .connectionOptions(SocketOptions.builder().readTimeout(READ_TIMEOUT).build());
        ConnectionGuard.install(server, Config.empty());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ApiRoutesTest.routing(routing);
    }

    @Test
    void a_request_that_stops_in_the_middle_of_its_headers_loses_its_connection() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/accounts/alice HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");

            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    @Test
    void a_body_that_stops_short_of_its_content_length_loses_its_connection() throws IOException {
        try (Socket socket = connect()) {
            send(socket, transferHead("Content-Length: 100\r\n") + "{\"from\":");

            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    @Test
    void a_chunked_body_that_stops_in_the_middle_of_a_chunk_loses_its_connection() throws IOException {
        try (Socket socket = connect()) {
            send(socket, transferHead("Transfer-Encoding: chunked\r\n") + "40\r\n{\"from\":");

            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    @Test
    void a_body_answered_without_being_read_must_still_arrive_in_time() throws IOException {
        try (Socket socket = connect()) {
            // Refused before its body is read (no token); the server would then read the declared body away for ever.
            send(socket, "POST /v1/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"from\":");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 401 ");
        }
    }

    @Test
    void a_slow_but_steady_request_and_an_idle_keep_alive_connection_are_served() throws Exception {
        try (Socket socket = connect()) {
            String request = "GET /v1/accounts/alice HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + ApiRoutesTest.wallet("alice") + "\r\n\r\n";
            int half = request.length() / 2;
            send(socket, request.substring(0, half));
            Thread.sleep(READ_TIMEOUT.toMillis() / 2);
            send(socket, request.substring(half));
            // Answered at all is the point (the stub mirror answers 503); readOneAnswer fails if the connection closed.
            assertThat(readOneAnswer(socket)).startsWith("HTTP/1.1 ");

            // Idle between requests for twice the read timeout: that is the idle-connection timeout's to end, not this.
            Thread.sleep(READ_TIMEOUT.toMillis() * 2);
            send(socket, request);
            assertThat(readOneAnswer(socket)).startsWith("HTTP/1.1 ");
        }
    }

    @Test
    void nothing_after_a_refused_chunked_body_is_answered_and_the_connection_closes() throws IOException {
        try (Socket socket = connect()) {
            // The rest of the malformed body, then a well-formed request: neither may be read as a next request.
            send(socket, transferHead("Transfer-Encoding: chunked\r\n") + "ZZ\r\nnot a request line\r\n\r\n"
                    + "GET /v1/accounts/alice HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            String answer = readUntilClosed(socket);
            assertThat(answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer.split("HTTP/1.1 ", -1)).as("one answer only: " + answer).hasSize(2);
        }
    }

    @Test
    void a_client_that_asked_to_close_gets_one_answer_even_with_a_request_pipelined_after_it() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/accounts/alice HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    + "GET /v1/accounts/bob HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            String answer = readUntilClosed(socket);
            assertThat(answer).startsWith("HTTP/1.1 401 ");
            assertThat(answer.split("HTTP/1.1 ", -1)).as("one answer only: " + answer).hasSize(2);
        }
    }

    @Test
    void a_client_that_neither_closes_nor_sends_after_a_closing_answer_is_closed_by_the_server() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/accounts/alice HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 401 ");
        }
    }

    /** A Content-Length the server cannot read is the caller's malformed framing: 400, never a 500 from the guard. */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 7\r\nContent-Length: 8", "Content-Length: 7, 7", "Content-Length: +7",
            "Content-Length: -1", "Content-Length: 0x7", "Content-Length: 12345678901234567890123"})
    void an_unreadable_content_length_is_400_never_500(String framing) throws IOException {
        try (Socket socket = connect()) {
            send(socket, transferHead(framing + "\r\n") + "{\"a\":1}");

            String answer = readUntilClosed(socket);
            assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain(" 500 ");
        }
    }

    /** A transfer coding the server does not apply (anything but chunked) is the caller's framing: 400, never 500. */
    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "gzip", "identity, chunked", "chunked, chunked"})
    void a_transfer_coding_the_server_does_not_apply_is_refused_never_500(String codings) throws IOException {
        try (Socket socket = connect()) {
            send(socket, transferHead("Transfer-Encoding: " + codings + "\r\n") + "2\r\n{}\r\n0\r\n\r\n");

            String answer = readUntilClosed(socket);
            assertThat(answer).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void a_body_cut_short_by_the_client_closing_its_side_is_400_never_500() throws IOException {
        try (Socket socket = connect()) {
            send(socket, transferHead("Content-Length: 100\r\n") + "{\"from\":");
            socket.shutdownOutput();

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void a_request_in_http_1_0_is_answered_505() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/accounts/alice HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 505 ");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(CLIENT_WAIT_MILLIS);
        return socket;
    }

    private static String transferHead(String framing) {
        return "POST /v1/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + ApiRoutesTest.wallet("alice")
                + "\r\nIdempotency-Key: k1\r\nContent-Type: application/json\r\n" + framing + "\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection; a connection still open after 10 s fails. */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the stalled connection open for " + CLIENT_WAIT_MILLIS + " ms", stillOpen);
        } catch (SocketException reset) {
            // Closed by the server with data unread on its side: a reset, which is a close too.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** One answer with a Content-Length body, read without waiting for the connection to close. */
    private static String readOneAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the server closed the connection; so far: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
