package io.ledgernode.node.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A request message that is not a valid protobuf encoding of its method's request (truncated, a wrong wire type, a
 * string that is not UTF-8) is the caller's mistake: INVALID_ARGUMENT with the code {@code BAD_REQUEST}, as a
 * malformed JSON body is on the REST API. grpc-java answers it UNKNOWN ("Application error processing RPC") whatever
 * the marshaller throws, since it parses the message inside the call's listener. So each method's request marshaller is
 * wrapped ({@link #guarded}) to answer such bytes with no message, and this interceptor, placed innermost, closes the
 * call on it before the service sees anything. A compressed message that inflates past {@code grpc.message-size-max}
 * fails the same parse; it is told apart and refused RESOURCE_EXHAUSTED ({@code PAYLOAD_TOO_LARGE}), as grpc-java
 * refuses an uncompressed one that large, not as malformed.
 */
final class UnparsableRequests implements ServerInterceptor {

    /**
     * Set by a parse that failed because the message inflated past the limit, read by {@link #interceptCall}'s
     * listener: grpc-java parses a message on the call's executor thread just before handing it to the listener.
     */
    private static final ThreadLocal<Boolean> TOO_LARGE = new ThreadLocal<>();

    /** The service with every method's request marshaller answering unparsable bytes with null. */
    static ServerServiceDefinition guarded(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            ServerMethodDefinition<?, ?> lenient = lenient(method);
            descriptor.addMethod(lenient.getMethodDescriptor());
            methods.add(lenient);
        }
        // The service's descriptor must list the very method descriptors it is bound with (grpc-java checks).
        ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(builder::addMethod);
        return builder.build();
    }

    private static <Q, A> ServerMethodDefinition<Q, A> lenient(ServerMethodDefinition<Q, A> method) {
        MethodDescriptor<Q, A> descriptor = method.getMethodDescriptor();
        return ServerMethodDefinition.create(descriptor.toBuilder()
                .setRequestMarshaller(new Lenient<>(descriptor.getRequestMarshaller())).build(), method.getServerCallHandler());
    }

    /** The method's own marshaller, but null for bytes it cannot parse. */
    private record Lenient<Q>(MethodDescriptor.Marshaller<Q> marshaller) implements MethodDescriptor.Marshaller<Q> {
        @Override
        public InputStream stream(Q value) {
            return marshaller.stream(value);
        }

        @Override
        public Q parse(InputStream stream) {
            try {
                return marshaller.parse(stream);
            } catch (RuntimeException unparsable) {
                for (Throwable cause = unparsable; cause != null; cause = cause.getCause()) {
                    if (cause instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                        TOO_LARGE.set(Boolean.TRUE);
                    }
                }
                return null;
            }
        }
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                if (message == null) {
                    refused = true;
                    boolean tooLarge = TOO_LARGE.get() != null;
                    TOO_LARGE.remove();
                    GrpcErrors.Refusal refusal = GrpcErrors.refusal(tooLarge
                            ? new ApiException(ApiErrorCode.Service.PAYLOAD_TOO_LARGE, "the request message of "
                                    + call.getMethodDescriptor().getFullMethodName() + " is larger than the node takes once decompressed")
                            : ApiException.malformed("the request message is not a valid protobuf encoding of "
                                    + call.getMethodDescriptor().getFullMethodName() + "'s request"));
                    call.close(refusal.status(), refusal.trailers());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                // The call is closed: the service must not answer it (nor complain that no request came).
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onReady() {
                if (!refused) {
                    super.onReady();
                }
            }
        };
    }
}
