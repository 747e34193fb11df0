package io.ledgernode.node.health;

import io.ledgernode.node.chain.SenderPacker;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
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

    private final Counter consolidations = Counter.builder()
            .name("ledger_credit_consolidations_total")
            .help("Consolidations of pending credits committed by this node (Accounts:consolidateCredits)")
            .register(registry);
    private final Counter creditsConsolidated = Counter.builder()
            .name("ledger_credits_consolidated_total")
            .help("Pending credits folded into settled balances by this node's consolidations")
            .register(registry);
    private final AtomicLong pendingCreditsMax = new AtomicLong();
    private final Counter holdsReleased = Counter.builder()
            .name("ledger_expired_holds_released_total")
            .help("Expired holds of this org's accounts released by this node's expiry job (Holds:release)")
            .register(registry);
    private final AtomicLong holdExpiryLagMillis = new AtomicLong();
    private final Counter webhookDeliveries = Counter.builder()
            .name("ledger_webhook_deliveries_total")
            .help("Webhook deliveries by outcome (delivered: the receiver answered 2xx; failed: retried later; dead_lettered)")
            .labelNames("outcome")
            .register(registry);
    private final Histogram webhookDelay = Histogram.builder()
            .name("ledger_webhook_delivery_delay_seconds")
            .help("From an entry's transaction time to the first attempt to deliver it to a subscription")
            .classicUpperBounds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
            .register(registry);
    private final Histogram packs = Histogram.builder()
            .name("ledger_send_pack_items")
            .help("Transfers from one account sent together in one transaction after waiting for the one in flight")
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128)
            .register(registry);

    public NodeMetrics(LongSupplier mirrorHeight) {
        GaugeWithCallback.builder()
                .name("ledger_pending_credits_max")
                .help("The most unfolded credits of one of this org's accounts at the start of the last consolidation round "
                        + "(an upper bound: what a balance read of the hottest account sums)")
                .callback(callback -> callback.call(pendingCreditsMax.get()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ledger_hold_expiry_lag_seconds")
                .help("How long the longest expired open hold of this org's accounts was past its expiry at the start of the "
                        + "expiry job's last round (0: none was)")
                .callback(callback -> callback.call(holdExpiryLagMillis.get() / 1000.0))
                .register(registry);
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

    /** A consolidation committed, folding {@code credits}. */
    public void consolidated(int credits) {
        consolidations.inc();
        creditsConsolidated.inc(credits);
    }

    /** The most unfolded credits of one account, as the consolidation job last counted them. */
    public void pendingCreditsMax(long credits) {
        pendingCreditsMax.set(credits);
    }

    public void webhookDelivery(String outcome) {
        webhookDeliveries.labelValues(outcome).inc();
    }

    public void webhookDelay(java.time.Duration delay) {
        webhookDelay.observe(Math.max(0, delay.toMillis()) / 1000.0);
    }

    public void holdsReleased(int holds) {
        holdsReleased.inc(holds);
    }

    public void holdExpiryLag(java.time.Duration behindExpiry) {
        holdExpiryLagMillis.set(behindExpiry.toMillis());
    }

    /** The gauges of the transfer packer: transfers waiting behind one in flight, and senders with one in flight. */
    public void packer(SenderPacker packer) {
        GaugeWithCallback.builder()
                .name("ledger_send_pack_queued")
                .help("Transfers waiting for their sender's transaction in flight, over every sender")
                .callback(callback -> callback.call(packer.queued()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("ledger_send_pack_senders")
                .help("Sending accounts with a transfer in flight")
                .callback(callback -> callback.call(packer.senders()))
                .register(registry);
    }

    public void packed(int items) {
        packs.observe(items);
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
