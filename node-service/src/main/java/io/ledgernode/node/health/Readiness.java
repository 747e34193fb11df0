package io.ledgernode.node.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Ready only when all three hold: the gateway answers a query, the mirror answers, and the mirror is within its lag
 * of the chain (the sync-bridge's own readiness, which compares its checkpoint with the peer's height).
 */
public final class Readiness {

    /** A cheap query through the gateway; throws when the network does not answer. */
    @FunctionalInterface
    public interface GatewayProbe {
        void probe();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final GatewayProbe gateway;
    private final LongSupplier mirrorHeight;
    private final URI bridgeReady;

    public Readiness(GatewayProbe gateway, LongSupplier mirrorHeight, URI bridgeReady) {
        this.gateway = gateway;
        this.mirrorHeight = mirrorHeight;
        this.bridgeReady = bridgeReady;
    }

    /** Each check by name with "UP" or why it is not; ready when all are UP. */
    public Map<String, String> check() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("gateway", attempt(() -> gateway.probe()));
        checks.put("mirror", attempt(() -> mirrorHeight.getAsLong()));
        checks.put("mirrorLag", attempt(this::bridgeWithinLag));
        return checks;
    }

    private void bridgeWithinLag() {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(bridgeReady).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the sync-bridge says the mirror is behind the chain (" + answer.statusCode() + ")");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the sync-bridge does not answer at " + bridgeReady);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String attempt(Runnable check) {
        try {
            check.run();
            return "UP";
        } catch (RuntimeException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
