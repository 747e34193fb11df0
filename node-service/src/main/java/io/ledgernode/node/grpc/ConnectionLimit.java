package io.ledgernode.node.grpc;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most {@code grpc.connections-max} connections open on the gRPC listener at once; one accepted beyond it is closed
 * at once, before any byte of it is read. grpc-java has no such limit: a flood of connections, each of which the
 * handshake and idle timeouts would end only after seconds or minutes, could take every file descriptor of the
 * process, and with them the REST listener's and the mirror's connections. The REST listener has its own limit
 * ({@code server.max-tcp-connections}).
 *
 * <p>grpc-java offers no hook at accept time, so the listener's server channel is Netty's NIO one with its accept
 * step counting: grpc-java then needs the event loops given too (NIO ones, owned here and shut down with the server).
 */
final class ConnectionLimit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class.getName());
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());

    private ConnectionLimit(int max) {
        this.max = max;
    }

    /** Puts a limit of {@code max} open connections on the listener {@code builder} makes; close it after the server. */
    static ConnectionLimit apply(NettyServerBuilder builder, int max) {
        ConnectionLimit limit = new ConnectionLimit(max);
        builder.channelFactory(() -> limit.new CountingServerChannel()).bossEventLoopGroup(limit.boss).workerEventLoopGroup(limit.workers);
        return limit;
    }

    @Override
    public void close() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private void refusedOne() {
        long total = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, () -> "gRPC: " + max + " connections open (grpc.connections-max); closing new ones at once ("
                    + total + " so far)");
        }
    }

    /** The listener's channel: accepts as Netty's does, then closes what goes past the limit before it is served. */
    private final class CountingServerChannel extends NioServerSocketChannel {

        @Override
        protected int doReadMessages(List<Object> accepted) throws Exception {
            int before = accepted.size();
            int read = super.doReadMessages(accepted);
            int kept = read;
            for (int i = accepted.size() - 1; i >= before; i--) {
                Channel child = (Channel) accepted.get(i);
                if (open.incrementAndGet() > max) {
                    open.decrementAndGet();
                    accepted.remove(i);
                    child.unsafe().closeForcibly();
                    kept--;
                    refusedOne();
                } else {
                    child.closeFuture().addListener(closed -> open.decrementAndGet());
                }
            }
            // 0 ends this round of accepts; the next readiness of the listening socket starts another.
            return read < 0 ? read : kept;
        }
    }
}
