package io.ledgernode.node.grpc;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.logging.Logger;

/**
 * One line per gRPC call, as the REST access log has: method, status, the API's error code, duration and peer
 * address. Never the request, its metadata or the status message (they may carry caller input or account data).
 */
final class GrpcAccessLog implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger("io.ledgernode.node.access");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        long start = System.nanoTime();
        Object peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String method = call.getMethodDescriptor().getFullMethodName();
        return next.startCall(OnClose.hook(call, (status, trailers) -> {
            String code = trailers.get(GrpcErrors.ERROR_CODE);
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.info(() -> "transport=grpc method=" + method + " status=" + status.getCode() + (code == null ? "" : " code=" + code)
                    + " micros=" + micros + " peer=" + peer);
            return status;
        }), headers);
    }
}
