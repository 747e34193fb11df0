package io.ledgernode.node.webhook;

import io.ledgernode.api.Instants;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.EntryPosition;
import java.util.List;

/**
 * A subscription as the API shows it to its owner. The secret is shown once, in the answer that created it (null in
 * every other).
 *
 * @param afterBlock the block of the last entry delivered (or dead-lettered); delivery goes on after it
 * @param alertsAfter the id of the last alert delivered (or dead-lettered)
 * @param failingSince since when the next entry's delivery keeps failing, or null
 */
public record SubscriptionAnswer(String id, String url, List<String> eventKinds, List<String> accounts, String jurisdiction, String status,
                                 String createdAt, long afterBlock, long afterTx, long afterEntry, long alertsAfter, long delivered, String failingSince,
                                 int attempts, String nextAttemptAt, String lastError, String secret) {

    static SubscriptionAnswer of(Subscription s, boolean showSecret) {
        List<String> kinds = new java.util.ArrayList<>(s.eventKinds().stream().map(EntryKind::name).sorted().toList());
        if (s.alerts()) {
            kinds.add(SubscriptionRequest.ALERT);
        }
        return new SubscriptionAnswer(s.id(), s.url(), kinds,
                s.accounts().orElse(null), s.jurisdiction().orElse(null), s.status().name(), Instants.format(s.createdAt()), s.after().blockNumber(),
                s.after().txIndex(), s.after().entryIndex(), s.alertsAfter(), s.delivered(), s.failingSince().map(Instants::format).orElse(null), s.attempts(),
                s.nextAttemptAt().map(Instants::format).orElse(null), s.lastError().orElse(null), showSecret ? s.secret() : null);
    }

    /** The owner's subscriptions. */
    public record Page(List<SubscriptionAnswer> subscriptions) {
    }

    /** A subscription's dead letters, the latest first. */
    public record DeadLetters(List<DeadLetter> deadLetters) {
    }

    /** An entry given up on: the message as it was sent, and why. */
    public record DeadLetter(String webhookId, Long blockNumber, Long txIndex, Long entryIndex, String payload, int attempts, String lastError,
                             String failedAt) {

        static DeadLetter of(SubscriptionStore.DeadLetter letter) {
            return new DeadLetter(letter.webhookId(), letter.position().map(EntryPosition::blockNumber).orElse(null),
                    letter.position().map(EntryPosition::txIndex).orElse(null), letter.position().map(EntryPosition::entryIndex).orElse(null),
                    letter.payload(),
                    letter.attempts(), letter.lastError(), Instants.format(letter.failedAt()));
        }
    }
}
