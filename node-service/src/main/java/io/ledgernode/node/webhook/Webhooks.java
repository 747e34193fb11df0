package io.ledgernode.node.webhook;

import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.schedule.PeriodicJob;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** Webhooks assembled: the subscriptions' store on their schema, the API's operations, and the delivery job. */
public final class Webhooks {

    private final SubscriptionStore store;
    private final SubscriptionOperations operations;
    private final WebhookDispatcher dispatcher;
    private final WebhookConfig config;

    private Webhooks(DataSource dataSource, Mirror mirror, Deliverer deliverer, WebhookConfig config, Clock clock,
                     WebhookDispatcher.Observer observer) {
        this.store = new SubscriptionStore(dataSource);
        this.operations = new SubscriptionOperations(store, mirror, config, clock);
        this.dispatcher = new WebhookDispatcher(store, new io.ledgernode.node.alert.AlertStore(dataSource), mirror, deliverer, config, clock,
                observer);
        this.config = config;
    }

    /** Over {@code dataSource} (schema {@code notifications}), delivering over HTTP. */
    public static Webhooks of(DataSource dataSource, Mirror mirror, WebhookConfig config, Clock clock, WebhookDispatcher.Observer observer) {
        return new Webhooks(dataSource, mirror, Deliverer.http(config.requestTimeout(), config.privateAddressesAllowed()), config, clock, observer);
    }

    public SubscriptionOperations operations() {
        return operations;
    }

    public WebhookDispatcher dispatcher() {
        return dispatcher;
    }

    /** The delivery rounds, every {@code pollInterval}, on a thread of their own. */
    public PeriodicJob start() {
        return PeriodicJob.start("webhooks", config.pollInterval(), () -> {
            WebhookDispatcher.Round round = dispatcher.round();
            return round.failed() + round.deadLettered() == 0 ? Optional.empty() : Optional.of("webhooks: " + round.delivered()
                    + " delivered, " + round.failed() + " failed (retried later), " + round.deadLettered() + " dead-lettered, over "
                    + round.subscriptions() + " subscriptions");
        });
    }
}
