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
 * call on it before the service sees anything.
 */
final class UnparsableRequests implements ServerInterceptor {

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
                    GrpcErrors.Refusal refusal = GrpcErrors.refusal(ApiException.malformed("the request message is not a"
                            + " valid protobuf encoding of " + call.getMethodDescriptor().getFullMethodName() + "'s request"));
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
