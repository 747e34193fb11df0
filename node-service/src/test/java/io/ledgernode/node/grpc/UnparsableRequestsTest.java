package io.ledgernode.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Over a real listener on loopback, with the standard health service standing in for ours (same marshalling). */
class UnparsableRequestsTest {

    /** Field 1 (the service name, a string) declared 5 bytes long with 1 byte following: a truncated message. */
    private static final byte[] TRUNCATED = {0x0A, 0x05, 'a'};
    /** Field 1 as a string holding a byte that is not UTF-8. */
    private static final byte[] NOT_UTF_8 = {0x0A, 0x01, (byte) 0xFF};

    private static final MethodDescriptor<byte[], byte[]> CHECK = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("grpc.health.v1.Health/Check")
            .setRequestMarshaller(new Raw()).setResponseMarshaller(new Raw()).build();

    @Test
    void a_request_that_is_not_valid_protobuf_is_invalid_argument_with_the_code_bad_request_not_unknown() throws Exception {
        ServerServiceDefinition health = new HealthStatusManager().getHealthService().bindService();
        Server server = start(ServerInterceptors.intercept(UnparsableRequests.guarded(health), new UnparsableRequests()));
        ManagedChannel channel = channel(server);
        try {
            for (byte[] garbage : new byte[][] {TRUNCATED, NOT_UTF_8}) {
                StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(channel, CHECK, CallOptions.DEFAULT, garbage));

                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(refused.getTrailers().get(GrpcErrors.ERROR_CODE)).isEqualTo("BAD_REQUEST");
                assertThat(refused.getStatus().getDescription()).contains("grpc.health.v1.Health/Check");
            }
            // A well-formed request on the same channel is served as before.
            assertThat(ClientCalls.blockingUnaryCall(channel, CHECK, CallOptions.DEFAULT, new byte[0])).isNotNull();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** A gzip message that inflates past the limit was refused as malformed protobuf; it is a message too large. */
    @Test
    void a_compressed_message_that_inflates_past_the_limit_is_resource_exhausted_payload_too_large() throws Exception {
        ServerServiceDefinition health = new HealthStatusManager().getHealthService().bindService();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).maxInboundMessageSize(1_024)
                .addService(ServerInterceptors.intercept(UnparsableRequests.guarded(health), new UnparsableRequests())).build().start();
        ManagedChannel channel = channel(server);
        try {
            byte[] inflating = new byte[200_000];
            inflating[0] = 0x0A;
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(channel, CHECK, CallOptions.DEFAULT.withCompression("gzip"), inflating));

            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(refused.getTrailers().get(GrpcErrors.ERROR_CODE)).isEqualTo("PAYLOAD_TOO_LARGE");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void without_the_guard_grpc_java_answers_the_same_bytes_unknown() throws Exception {
        // What the guard is for: if grpc-java ever answers this itself, the guard can go.
        Server server = start(new HealthStatusManager().getHealthService().bindService());
        ManagedChannel channel = channel(server);
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(channel, CHECK, CallOptions.DEFAULT, TRUNCATED));

            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Server start(ServerServiceDefinition service) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
    }

    private static ManagedChannel channel(Server server) {
        return NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    private static final class Raw implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
