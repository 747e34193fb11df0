package io.ledgernode.node.grpc;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.ledgernode.node.http.RefusalLimit;
import java.net.SocketAddress;

/**
 * The REST API's budget of refused calls per client address ({@link RefusalLimit}), on gRPC: a call from an address
 * that has spent it is refused RESOURCE_EXHAUSTED (RATE_LIMITED) before its token is verified, and every
 * UNAUTHENTICATED or PERMISSION_DENIED answer spends one token. Outermost, so the token check's refusals count.
 */
final class GrpcRefusalLimit implements ServerInterceptor {

    private final RefusalLimit limit;

    GrpcRefusalLimit(RefusalLimit limit) {
        this.limit = limit;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        try {
            limit.admit(peer);
        } catch (RuntimeException e) {
            return GrpcErrors.refuse(call, e);
        }
        return next.startCall(OnClose.hook(call, (status, trailers) -> {
            if (status.getCode() == Status.Code.UNAUTHENTICATED || status.getCode() == Status.Code.PERMISSION_DENIED) {
                limit.refused(peer);
            }
            return status;
        }), headers);
    }
}
