package io.ledgernode.node.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.ledgernode.node.grpc.v1.GetAccountRequest;
import io.ledgernode.node.grpc.v1.GetProofRequest;
import io.ledgernode.node.grpc.v1.LedgerGrpc;
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

    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);
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

    /** REST refuses {@code ?minBlock=-5} with 400; gRPC answered the same read OK, as if no block had been asked. */
    @Test
    void a_negative_min_block_or_end_block_is_invalid_argument_as_on_rest() {
        Metadata token = new Metadata();
        token.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + node.walletToken("alice"));
        LedgerGrpc.LedgerBlockingStub ledger = LedgerGrpc.newBlockingStub(node.channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token)).withDeadlineAfter(5, TimeUnit.SECONDS);

        StatusRuntimeException account = catchThrowableOfType(StatusRuntimeException.class,
                () -> ledger.getAccount(GetAccountRequest.newBuilder().setId("alice").setMinBlock(-5).build()));
        StatusRuntimeException proof = catchThrowableOfType(StatusRuntimeException.class,
                () -> ledger.getProof(GetProofRequest.newBuilder().setTxId("ab").setEndBlock(-1).build()));

        for (StatusRuntimeException refused : List.of(account, proof)) {
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(refused.getTrailers().get(ERROR_CODE)).isEqualTo("INVALID_ARGUMENT");
        }
        assertThat(account.getStatus().getDescription()).contains("min_block");
        assertThat(proof.getStatus().getDescription()).contains("end_block");
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
