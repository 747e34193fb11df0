package io.ledgernode.node.health;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;

/**
 * The service's Prometheus metrics: request latency by transport, route and status; the outcome of every ledger
 * submission; the mirror height the reads reflect; the requests whose token was found already verified. Route labels are route templates ({@code /v1/accounts/{id}}), never
 * raw paths, so the label set stays bounded.
 */
public final class NodeMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requests = Histogram.builder()
            .name("ledger_api_request_duration_seconds")
            .help("Time to answer an API request, by transport (http, grpc), route and status")
            .labelNames("transport", "route", "status")
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    private final Counter submissions = Counter.builder()
            .name("ledger_submit_outcomes_total")
            .help("Ledger submissions by transaction and outcome (committed, pending, rejected, invalidated, retried, unavailable)")
            .labelNames("transaction", "outcome")
            .register(registry);

    public NodeMetrics(LongSupplier mirrorHeight) {
        GaugeWithCallback.builder()
                .name("ledger_mirror_height")
                .help("Blocks in the mirror the reads are served from (the next block it expects)")
                .callback(callback -> callback.call(mirrorHeight.getAsLong()))
                .register(registry);
    }

    /**
     * Requests whose bearer token was found already verified ({@code hit}) or checked in full ({@code miss}), as the
     * token verifier counts them.
     */
    public void tokenCache(LongSupplier hits, LongSupplier misses) {
        CounterWithCallback.builder()
                .name("ledger_auth_token_cache_requests")
                .help("Requests whose bearer token was already verified (hit) or was checked in full (miss)")
                .labelNames("result")
                .callback(callback -> {
                    callback.call(hits.getAsLong(), "hit");
                    callback.call(misses.getAsLong(), "miss");
                })
                .register(registry);
    }

    public void request(String transport, String route, int status, long nanos) {
        requests.labelValues(transport, route, Integer.toString(status)).observe(nanos / 1e9);
    }

    public void submission(String transaction, String outcome) {
        submissions.labelValues(transaction, outcome).inc();
    }

    /** The metrics in Prometheus' text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
