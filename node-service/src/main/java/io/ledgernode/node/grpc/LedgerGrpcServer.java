package io.ledgernode.node.grpc;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.ledgernode.node.health.NodeMetrics;
import io.ledgernode.node.http.Requests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC listener: grpc-java's own Netty server on a port of its own, serving {@code ledgernode.v1.Ledger}, the
 * standard health service and (when enabled) server reflection, each registered exactly once.
 *
 * <p>Why not Helidon's gRPC on the REST port: Helidon 4.4/4.5's HTTP/2 loops forever in its HPACK dynamic table
 * on one header entry larger than the table (about 4 KB), in both directions, and refused the C-core clients
 * (Python, Ruby, C#, C++) with PROTOCOL_ERROR. grpc-java's Netty transport is the one every gRPC stack is tested
 * against, and it enforces the limits below before any header reaches the service.
 */
public final class LedgerGrpcServer implements AutoCloseable {

    private final Server server;
    private final HealthStatusManager health;
    private final ExecutorService executor;
    private final ConnectionLimit connections;

    private LedgerGrpcServer(Server server, HealthStatusManager health, ExecutorService executor, ConnectionLimit connections) {
        this.server = server;
        this.health = health;
        this.executor = executor;
        this.connections = connections;
    }

    /** Binds and starts the listener; fails with the address when the port cannot be had. */
    public static LedgerGrpcServer start(GrpcServerConfig config, LedgerGrpcService ledger, Requests requests, NodeMetrics metrics) {
        HealthStatusManager health = new HealthStatusManager();
        // One virtual thread per call: a WatchTransactions stream waits on the mirror without holding a platform
        // thread, and a burst of calls cannot grow a pool of platform threads without bound.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
                .executor(executor)
                .maxInboundMetadataSize(config.metadataSizeMax())
                .maxInboundMessageSize(config.messageSizeMax())
                .maxConcurrentCallsPerConnection(config.concurrentCallsMax())
                .maxRstFramesPerWindow(config.resetFramesMax(), (int) config.resetFramesWindow().toSeconds())
                .maxConnectionIdle(config.connectionIdleMax().toMillis(), TimeUnit.MILLISECONDS)
                // Idle only counts a connection with no call open: one holding a call it never reads (a zero window, pings
                // unanswered) or a stream it never ends would stay for ever. Every connection is asked to go (GOAWAY) at
                // this age and closed after the grace, whatever its calls; clients reconnect, watchers resume from a block.
                .maxConnectionAge(config.connectionAgeMax().toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionAgeGrace(config.connectionAgeGrace().toMillis(), TimeUnit.MILLISECONDS)
                .handshakeTimeout(config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTime(config.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(config.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveTime(config.keepAlivePermitTime().toMillis(), TimeUnit.MILLISECONDS)
                // Innermost first (the last runs first): the caller check's refusals pass through metrics, the access log
                // and the status bound like every other call; an unparsable request is refused only once the caller is.
                .addService(ServerInterceptors.intercept(UnparsableRequests.guarded(ledger.bindService()), new UnparsableRequests(),
                        new GrpcCallers(requests), new GrpcRefusalLimit(requests.refusalLimit()),
                        new GrpcMetrics(metrics), new GrpcAccessLog(), new BoundedStatus(config.statusMessageLengthMax())))
                .addService(ServerInterceptors.intercept(UnparsableRequests.guarded(health.getHealthService().bindService()),
                        new UnparsableRequests(), new GrpcAccessLog(),
                        new BoundedStatus(config.statusMessageLengthMax())));
        if (config.reflection()) {
            builder.addService(ProtoReflectionServiceV1.newInstance());
        }
        ConnectionLimit connections = ConnectionLimit.apply(builder, config.connectionsMax());
        try {
            return new LedgerGrpcServer(builder.build().start(), health, executor, connections);
        } catch (IOException e) {
            connections.close();
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen for gRPC on " + config.host() + ":" + config.port(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Health answers NOT_SERVING from now on, calls in flight get a grace period, then the listener closes. */
    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        connections.close();
    }
}
