package io.ledgernode.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.ledgernode.node.testing.Observers;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection with a call open is never idle, so the idle limit never closed one whose client holds a call and does
 * not read it (an outside sweep kept one open past grpc.connection-idle-max with a zero window and unanswered pings).
 * Every connection now has a maximum age and a grace after it, whatever its calls: here 2 s and 1 s, against a health
 * watch, a stream the server never ends by itself.
 */
class GrpcConnectionAgeTest {

    private static OfflineNode node;

    @BeforeAll
    static void start() {
        node = OfflineNode.start(Map.of("grpc.connection-age-max", "PT2S", "grpc.connection-age-grace", "PT1S"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    @Test
    void a_stream_held_open_ends_with_its_connection_at_the_maximum_age_and_grace() throws InterruptedException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        HealthGrpc.newStub(node.channel).watch(HealthCheckRequest.getDefaultInstance(), Observers.of(events::add, events::add));

        assertThat(events.poll(5, TimeUnit.SECONDS)).as("the first health status").isNotNull().isNotInstanceOf(Throwable.class);
        // Without a maximum age this waits out the full 15 s: the stream and its connection stay.
        Object end = events.poll(15, TimeUnit.SECONDS);

        assertThat(end).as("the stream's end").isInstanceOf(Throwable.class);
        assertThat(Status.fromThrowable((Throwable) end).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }
}
