package io.ledgernode.node.webhook;

import java.time.Duration;

/**
 * Webhook delivery's settings ({@code node.webhooks.*} in application.yaml, where every default is).
 *
 * @param pollInterval the pause between delivery rounds
 * @param requestTimeout how long a receiver may take to answer one delivery
 * @param backoffInitial the pause after a first failed delivery, doubling (with jitter) up to {@code backoffMax}
 * @param deadLetterAfter how long an entry's deliveries may keep failing before it is dead-lettered and the next goes
 * @param perRoundMax entries one subscription is sent in one round (in order, one at a time)
 * @param subscriptionsPerCallerMax subscriptions one caller may keep
 * @param privateAddressesAllowed whether receivers on loopback and private networks are delivered to (see
 *     {@link ReceiverAddresses}); off by default, so no caller can make the node call into its own network
 */
public record WebhookConfig(Duration pollInterval,
                            Duration requestTimeout, Duration backoffInitial, Duration backoffMax, Duration deadLetterAfter,
                            int perRoundMax, int subscriptionsPerCallerMax, boolean privateAddressesAllowed) {

    public WebhookConfig {
        positive("poll-interval", pollInterval);
        positive("request-timeout", requestTimeout);
        positive("backoff-initial", backoffInitial);
        positive("dead-letter-after", deadLetterAfter);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("node.webhooks.backoff-max must be at least backoff-initial");
        }
        if (perRoundMax < 1 || subscriptionsPerCallerMax < 1) {
            throw new IllegalArgumentException("node.webhooks.per-round-max and subscriptions-per-caller-max must be at least 1");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("node.webhooks." + name + " must be positive");
        }
    }
}
