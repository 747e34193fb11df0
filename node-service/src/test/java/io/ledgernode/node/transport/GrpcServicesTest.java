package io.ledgernode.node.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.ledgernode.node.testing.Observers;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "gRPC that every common client can use": the standard services on the gRPC listener, without a token.
 * Reflection lists each service exactly once and resolves the health service's symbols (grpcurl and the C-core
 * reflection clients ask exactly this), and health answers SERVING.
 */
class GrpcServicesTest {

    private static OfflineNode node;

    @BeforeAll
    static void start() {
        node = OfflineNode.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    @Test
    void health_answers_serving_without_a_token() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(node.channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflection_lists_each_service_exactly_once() throws InterruptedException {
        ServerReflectionResponse listed = reflect(ServerReflectionRequest.newBuilder().setListServices("").build());

        assertThat(listed.getListServicesResponse().getServiceList()).extracting(ServiceResponse::getName)
                .containsExactlyInAnyOrder("ledgernode.v1.Ledger", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
    }

    @Test
    void reflection_resolves_the_health_and_ledger_services_to_their_files() throws InterruptedException {
        for (String symbol : List.of("grpc.health.v1.Health", "ledgernode.v1.Ledger")) {
            ServerReflectionResponse file = reflect(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());

            assertThat(file.hasErrorResponse()).as("%s: %s", symbol, file.getErrorResponse().getErrorMessage()).isFalse();
            assertThat(file.getFileDescriptorResponse().getFileDescriptorProtoCount()).as(symbol).isPositive();
        }
    }

    private static ServerReflectionResponse reflect(ServerReflectionRequest request) throws InterruptedException {
        BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        StreamObserver<ServerReflectionRequest> ask = ServerReflectionGrpc.newStub(node.channel).serverReflectionInfo(Observers.of(answers::add, answers::add));
        ask.onNext(request);
        Object answer = answers.poll(10, TimeUnit.SECONDS);
        ask.onCompleted();
        assertThat(answer).as("reflection answered").isInstanceOf(ServerReflectionResponse.class);
        return (ServerReflectionResponse) answer;
    }
}
