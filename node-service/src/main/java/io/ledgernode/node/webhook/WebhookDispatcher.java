package io.ledgernode.node.webhook;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.mirror.PartyEntry;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.mirror.Mirror;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers each active subscription's entries, in chain order, one at a time: every round, each subscription whose
 * next delivery is due is sent the entries after its position (at most {@code perRoundMax}), each signed, and its
 * position moves past an entry only once the receiver answered 2xx. A failure leaves the position where it is and sets
 * the next attempt after a back-off that doubles from {@code backoffInitial} up to {@code backoffMax}, with jitter
 * (between half and all of it), so receivers that come back are not hit by every sender at once; once an entry's
 * deliveries have failed for {@code deadLetterAfter}, it is kept as a dead letter and the next entry goes. Since the
 * position is kept in the database and moves only after a 2xx, a node stopped at any moment sends the entry again, with
 * the same webhook-id: at least once, never lost.
 */
public final class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    /** Subscriptions one round serves at most (the rest, oldest due first, in the next). */
    static final int SUBSCRIPTIONS_PER_ROUND_MAX = 200;

    /** Told what happens to each delivery, for the metrics. */
    public interface Observer {
        /** An attempt of an entry's first delivery, {@code delay} after its transaction's time. */
        void firstAttempt(Duration delay);

        /** {@code outcome}: delivered, failed, dead_lettered. */
        void outcome(String outcome);
    }

    /** What one round did. */
    public record Round(int subscriptions, int delivered, int failed, int deadLettered) {
    }

    private final SubscriptionStore store;
    private final io.ledgernode.node.alert.AlertStore alerts;
    private final Mirror mirror;
    private final Deliverer deliverer;
    private final WebhookConfig config;
    private final Clock clock;
    private final Observer observer;

    WebhookDispatcher(SubscriptionStore store, io.ledgernode.node.alert.AlertStore alerts, Mirror mirror, Deliverer deliverer,
                      WebhookConfig config, Clock clock, Observer observer) {
        this.store = store;
        this.alerts = alerts;
        this.mirror = mirror;
        this.deliverer = deliverer;
        this.config = config;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * One round: every due subscription that may have something to send (see {@link SubscriptionStore#due}) served on a
     * virtual thread of its own, the round over when all are. With the mirror and the alerts where they were, it reads
     * no subscription's entries: an idle node's round is three small queries however many subscriptions it keeps.
     */
    public Round round() {
        List<Subscription> due;
        long height;
        long alertMax;
        try {
            height = mirror.height();
            alertMax = alerts.maxId();
            due = store.due(clock.instant(), height, alertMax, SUBSCRIPTIONS_PER_ROUND_MAX);
        } catch (ApiException | SQLException e) {
            LOG.warning("webhook subscriptions could not be read: " + e.getMessage());
            return new Round(0, 0, 0, 0);
        }
        int[] totals = new int[3];
        try (ExecutorService serving = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<int[]>> served = new ArrayList<>();
            for (Subscription subscription : due) {
                served.add(serving.submit(() -> serve(subscription, height, alertMax)));
            }
            for (Future<int[]> one : served) {
                try {
                    int[] counts = one.get();
                    for (int i = 0; i < 3; i++) {
                        totals[i] += counts[i];
                    }
                } catch (ExecutionException e) {
                    LOG.log(Level.WARNING, "a webhook subscription could not be served this round", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new Round(due.size(), totals[0], totals[1], totals[2]);
    }

    /**
     * Sends the subscription what follows its positions, entries then alerts: delivered, failed, dead-lettered counts.
     * When it was sent everything there was, it is marked as looked at up to the entries' height and {@code alertMax}.
     */
    private int[] serve(Subscription subscription, long roundHeight, long alertMax) throws SQLException {
        Serving round = new Serving(subscription);
        Collection<String> kinds = subscription.eventKinds().stream().map(EntryKind::name).toList();
        Optional<Collection<String>> accounts = subscription.accounts().map(list -> list);
        EntryPosition from = subscription.after();
        MirrorReader.Snapshot<List<PartyEntry>> read = kinds.isEmpty() ? new MirrorReader.Snapshot<>(roundHeight, List.of())
                : mirror.read(view -> view.entriesFor(from, kinds, accounts, subscription.jurisdiction(), config.perRoundMax()));
        List<PartyEntry> next = read.value();
        EntryPosition[] at = {from};
        for (PartyEntry entry : next) {
            WebhookMessage message = WebhookMessage.of(subscription, entry);
            if (round.attempts == 0) {
                observer.firstAttempt(Duration.between(entry.entry().txTimestamp(), clock.instant()));
            }
            EntryPosition to = message.position();
            boolean goOn = round.send(message, Optional.of(to), new Stream() {
                @Override
                public void delivered() throws SQLException {
                    store.delivered(subscription.id(), at[0], to);
                }

                @Override
                public void deadLettered(SubscriptionStore.DeadLetter letter) throws SQLException {
                    store.deadLetter(subscription.id(), at[0], to, letter);
                }

                @Override
                public void failed(Instant since, int attempts, Instant next, String error) throws SQLException {
                    store.failed(subscription.id(), at[0], since, attempts, next, error);
                }
            });
            if (!goOn) {
                return round.counts;
            }
            at[0] = to;
        }
        long[] after = {subscription.alertsAfter()};
        boolean alertsLeft = false;
        if (subscription.alerts()) {
            List<io.ledgernode.node.alert.Alert> nextAlerts = alerts.after(after[0], subscription.jurisdiction(), subscription.accounts(),
                    config.perRoundMax());
            alertsLeft = nextAlerts.size() == config.perRoundMax();
            for (io.ledgernode.node.alert.Alert alert : nextAlerts) {
                boolean goOn = round.send(WebhookMessage.of(subscription, alert), alert.position(), new Stream() {
                            @Override
                            public void delivered() throws SQLException {
                                store.alertDelivered(subscription.id(), after[0], alert.id());
                            }

                            @Override
                            public void deadLettered(SubscriptionStore.DeadLetter letter) throws SQLException {
                                store.alertDeadLetter(subscription.id(), after[0], alert.id(), letter);
                            }

                            @Override
                            public void failed(Instant since, int attempts, Instant next, String error) throws SQLException {
                                store.alertFailed(subscription.id(), after[0], since, attempts, next, error);
                            }
                        });
                if (!goOn) {
                    return round.counts;
                }
                after[0] = alert.id();
            }
        }
        // Everything up to the read's height (and alertMax) went, unless a full page was read: more may follow it.
        if (next.size() < config.perRoundMax() && !alertsLeft) {
            store.checked(subscription.id(), at[0], after[0], read.height(), alertMax);
        }
        return round.counts;
    }

    /** How one stream's position moves: the entries' or the alerts'. */
    private interface Stream {
        void delivered() throws SQLException;

        void deadLettered(SubscriptionStore.DeadLetter letter) throws SQLException;

        void failed(Instant since, int attempts, Instant next, String error) throws SQLException;
    }

    /** One subscription's round: the failure it carries from one message to the next, and what it did. */
    private final class Serving {
        private final Subscription subscription;
        private Optional<Instant> failingSince;
        private int attempts;
        /** Delivered, failed, dead-lettered. */
        private final int[] counts = new int[3];

        Serving(Subscription subscription) {
            this.subscription = subscription;
            this.failingSince = subscription.failingSince();
            this.attempts = subscription.attempts();
        }

        /**
         * Sends {@code message}, signed: on a 2xx the stream moves past it; on a failure past {@code deadLetterAfter}
         * it is dead-lettered and the stream moves past it; on any other failure the next attempt is set after the
         * back-off and the round ends (false).
         */
        boolean send(WebhookMessage message, Optional<EntryPosition> position, Stream stream) throws SQLException {
            Instant now = clock.instant();
            long timestamp = now.getEpochSecond();
            Optional<String> refused = deliverer.send(subscription.url(), message.webhookId(), timestamp,
                    WebhookSigner.signature(subscription.secret(), message.webhookId(), timestamp, message.body()), message.body());
            if (refused.isEmpty()) {
                stream.delivered();
                observer.outcome("delivered");
                counts[0]++;
            } else {
                Instant since = failingSince.orElse(now);
                attempts++;
                if (now.isBefore(since.plus(config.deadLetterAfter()))) {
                    stream.failed(since, attempts, now.plus(backoff(attempts)), refused.get());
                    observer.outcome("failed");
                    counts[1]++;
                    return false;
                }
                stream.deadLettered(new SubscriptionStore.DeadLetter(message.webhookId(), position, message.body(), attempts,
                        refused.get(), now));
                observer.outcome("dead_lettered");
                counts[2]++;
            }
            failingSince = Optional.empty();
            attempts = 0;
            return true;
        }
    }

    /** The pause before attempt {@code attempts + 1}: doubling from backoffInitial up to backoffMax, then half to all of it. */
    Duration backoff(int attempts) {
        long millis = config.backoffInitial().toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(Math.max(millis, 1), config.backoffMax().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
