package io.ledgernode.node.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Cuts every status message to a bounded length before it goes out as {@code grpc-message}. A message may quote the
 * caller's input (an id it could not find); a caller must not be able to make the node send back what it sent in,
 * however long, and a bounded trailer stays far below any peer's header limits.
 */
final class BoundedStatus implements ServerInterceptor {

    private final int lengthMax;

    BoundedStatus(int lengthMax) {
        this.lengthMax = lengthMax;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return next.startCall(OnClose.hook(call, (status, trailers) -> bounded(status, lengthMax)), headers);
    }

    static Status bounded(Status status, int lengthMax) {
        String description = status.getDescription();
        if (description == null || description.length() <= lengthMax) {
            return status;
        }
        return status.withDescription(description.substring(0, lengthMax - 1) + "…");
    }
}
