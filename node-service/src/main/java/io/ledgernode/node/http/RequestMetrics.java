package io.ledgernode.node.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.ledgernode.node.health.NodeMetrics;
import java.util.Optional;
import java.util.Set;

/** Times every HTTP request into the latency histogram, labelled by its route template and status. */
public final class RequestMetrics implements Filter {

    private final NodeMetrics metrics;

    public RequestMetrics(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            metrics.request("http", route(request.prologue().method().text(), request.matchingPattern()),
                    response.status().code(), System.nanoTime() - start);
        }
    }

    /**
     * The route label: the method and the template the request matched ({id}, not the id itself). A request that
     * matched no route shares one label, whatever its method: the method is the caller's text, and a label per text
     * would be a new series kept forever for each one (a flood of made-up methods grew /metrics without bound).
     */
    static String route(String method, Optional<String> matchedPattern) {
        return matchedPattern.map(pattern -> (STANDARD_METHODS.contains(method) ? method : "OTHER") + " " + pattern)
                .orElse("unmatched");
    }

    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
}
