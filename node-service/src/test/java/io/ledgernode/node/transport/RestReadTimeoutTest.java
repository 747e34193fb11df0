package io.ledgernode.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST listener as the process builds it (shipped configuration, read timeout cut to 1 s): a connection that never
 * sends a request is closed after the read timeout (Helidon reads the first bytes of a connection with no timeout
 * when it has more than one protocol to choose from, and its idle check did not see such a connection), and a request
 * in HTTP/1.0 is answered 505 (with two protocols it was dropped unanswered).
 */
class RestReadTimeoutTest {

    private static OfflineNode node;

    @BeforeAll
    static void start() {
        node = OfflineNode.start(Map.of("server.connection-options.read-timeout", "PT1S"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    @Test
    void a_connection_that_never_sends_a_request_is_closed_after_the_read_timeout() throws IOException {
        try (Socket socket = connect()) {
            long started = System.nanoTime();

            assertThat(readToEnd(socket)).isEmpty();
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds until closed").isLessThan(5_000);
        }
    }

    @Test
    void a_request_in_http_1_0_is_answered_505() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(readToEnd(socket)).startsWith("HTTP/1.1 505 ");
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", node.rest.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** What the server sends until it closes; a connection still open after 10 s fails the test. */
    private static String readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the connection open for 10 s", stillOpen);
        }
    }
}
