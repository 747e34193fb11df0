package io.ledgernode.node.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.ledgernode.node.health.NodeMetrics;

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
            // The template the request matched ({id}, not the id itself); unmatched paths share one label.
            String route = request.prologue().method().text() + " " + request.matchingPattern().orElse("unmatched");
            metrics.request("http", route, response.status().code(), System.nanoTime() - start);
        }
    }
}
