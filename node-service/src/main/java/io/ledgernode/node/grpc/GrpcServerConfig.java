package io.ledgernode.node.grpc;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * The gRPC listener's settings from application.yaml ({@code grpc.*}, where every default lives). Every limit a
 * hostile client could push against is named here: open connections, header list size, message size, concurrent
 * calls per connection, RST_STREAM rate, idle and keepalive times, the age of a connection, and how much of a status
 * message goes back to the caller.
 */
public record GrpcServerConfig(String host, int port, int connectionsMax, int metadataSizeMax, int messageSizeMax, int concurrentCallsMax,
                               int resetFramesMax, Duration resetFramesWindow, Duration connectionIdleMax,
                               Duration connectionAgeMax, Duration connectionAgeGrace,
                               Duration handshakeTimeout, Duration keepAliveTime, Duration keepAliveTimeout,
                               Duration keepAlivePermitTime, int statusMessageLengthMax, boolean reflection) {

    public GrpcServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("grpc.port must be in [0, 65535]");
        }
        if (connectionsMax < 1) {
            throw new IllegalArgumentException("grpc.connections-max must be positive");
        }
        // The HPACK dynamic table of most stacks is 4,096 bytes: an entry larger than it is where HTTP/2 stacks have
        // looped or crashed; keeping the whole header list within 8 KiB leaves no room for abuse and plenty for tokens.
        if (metadataSizeMax < 1_024 || metadataSizeMax > 65_536) {
            throw new IllegalArgumentException("grpc.metadata-size-max must be in [1024, 65536]");
        }
        if (messageSizeMax < 1_024 || messageSizeMax > 16 * 1_024 * 1_024) {
            throw new IllegalArgumentException("grpc.message-size-max must be in [1024, 16777216]");
        }
        if (concurrentCallsMax < 1 || resetFramesMax < 1 || statusMessageLengthMax < 64 || statusMessageLengthMax > 2_048) {
            throw new IllegalArgumentException("grpc.concurrent-calls-max and grpc.reset-frames-max must be positive and "
                    + "grpc.status-message-length-max in [64, 2048]");
        }
    }

    public static GrpcServerConfig from(Config grpc) {
        return new GrpcServerConfig(grpc.get("host").asString().get(), grpc.get("port").asInt().get(),
                grpc.get("connections-max").asInt().get(),
                grpc.get("metadata-size-max").asInt().get(), grpc.get("message-size-max").asInt().get(),
                grpc.get("concurrent-calls-max").asInt().get(), grpc.get("reset-frames-max").asInt().get(),
                grpc.get("reset-frames-window").as(Duration.class).get(), grpc.get("connection-idle-max").as(Duration.class).get(),
                grpc.get("connection-age-max").as(Duration.class).get(), grpc.get("connection-age-grace").as(Duration.class).get(),
                grpc.get("handshake-timeout").as(Duration.class).get(), grpc.get("keep-alive-time").as(Duration.class).get(),
                grpc.get("keep-alive-timeout").as(Duration.class).get(), grpc.get("keep-alive-permit-time").as(Duration.class).get(),
                grpc.get("status-message-length-max").asInt().get(), grpc.get("reflection").asBoolean().get());
    }
}
