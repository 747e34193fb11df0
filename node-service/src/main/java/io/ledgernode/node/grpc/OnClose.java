package io.ledgernode.node.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * What an interceptor does when a call closes (log it, time it, count a refusal, shorten its message): the one way
 * the interceptors here see a call's outcome, whichever of them, or the service, closed it.
 */
@FunctionalInterface
interface OnClose {

    /** The status the call closes with: {@code status} itself, or one put in its place. */
    Status closing(Status status, Metadata trailers);

    /** {@code call}, with {@code hook} run as it closes. */
    static <Q, R> ServerCall<Q, R> hook(ServerCall<Q, R> call, OnClose hook) {
        return new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                super.close(hook.closing(status, trailers), trailers);
            }
        };
    }
}
