package io.ledgernode.node.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.Requests;
import java.util.List;

/**
 * Verifies the bearer token in every call's {@code authorization} metadata (and the caller's rate limit) before the
 * call reaches the service, and hands the caller on in the call's context. The standard health and reflection
 * services ({@code grpc.*}) are open, as load balancers and tools call them without tokens.
 */
public final class GrpcCallers implements ServerInterceptor {

    static final Context.Key<Caller> CALLER = Context.key("ledger-caller");
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Requests requests;

    public GrpcCallers(Requests requests) {
        this.requests = requests;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (call.getMethodDescriptor().getFullMethodName().startsWith("grpc.")) {
            return next.startCall(call, headers);
        }
        try {
            Iterable<String> authorization = headers.getAll(AUTHORIZATION);
            Caller caller = requests.caller(Requests.onlyAuthorization(authorization == null ? List.of() : authorization));
            return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
        } catch (Exception e) {
            return GrpcErrors.refuse(call, e);
        }
    }

    /** The verified caller of the current call. */
    static Caller current() {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw new IllegalStateException("GrpcCallers is not installed in front of the service");
        }
        return caller;
    }
}
