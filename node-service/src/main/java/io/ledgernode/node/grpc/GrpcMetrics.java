package io.ledgernode.node.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.ledgernode.node.health.NodeMetrics;

/** Times every gRPC call into the latency histogram, labelled by its full method name and status code. */
public final class GrpcMetrics implements ServerInterceptor {

    private final NodeMetrics metrics;

    public GrpcMetrics(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        long start = System.nanoTime();
        String route = call.getMethodDescriptor().getFullMethodName();
        return next.startCall(OnClose.hook(call, (status, trailers) -> {
            metrics.request("grpc", route, status.getCode().value(), System.nanoTime() - start);
            return status;
        }), headers);
    }
}
