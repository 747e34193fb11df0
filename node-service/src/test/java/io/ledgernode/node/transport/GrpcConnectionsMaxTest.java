package io.ledgernode.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * grpc-java puts no limit on the connections its listener keeps, so a flood of them could take every file descriptor
 * of the node. With grpc.connections-max at 3, a fourth connection is closed at once while the three stay, and once one
 * of them goes a new one is kept again.
 */
class GrpcConnectionsMaxTest {

    private static OfflineNode node;

    @BeforeAll
    static void start() {
        node = OfflineNode.start(Map.of("grpc.connections-max", "3"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    @Test
    void a_connection_past_the_maximum_is_closed_at_once_and_one_is_kept_again_when_another_goes() throws Exception {
        List<Socket> kept = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                kept.add(connect());
            }
            for (Socket socket : kept) {
                assertThat(closedByServer(socket)).as("one of the first three").isFalse();
            }
            try (Socket fourth = connect()) {
                assertThat(closedByServer(fourth)).as("the fourth").isTrue();
            }

            kept.remove(0).close();
            Thread.sleep(300);
            try (Socket again = connect()) {
                assertThat(closedByServer(again)).as("a new one after one of the three went").isFalse();
            }
        } finally {
            for (Socket socket : kept) {
                socket.close();
            }
        }
    }

    private static Socket connect() throws IOException {
        return new Socket("127.0.0.1", node.grpc.port());
    }

    /** Whether the server closes the connection within a second of it sending nothing (its handshake timeout is 10 s). */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(1_000);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
