package io.ledgernode.node.webhook;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.EntryPosition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook subscription as kept.
 *
 * @param eventKinds the entry kinds it delivers
 * @param alerts whether it delivers compliance alerts too (after {@code alertsAfter}, in their own order)
 * @param accounts the accounts whose entries it delivers; empty: every account its owner's scope covers
 * @param jurisdiction the one jurisdiction it is limited to (a regulator's)
 * @param after the position of the last entry delivered or dead-lettered
 * @param failingSince since when the delivery of the entry after {@code after} keeps failing
 */
public record Subscription(String id, String ownerIssuer, String ownerSubject, String url, Set<EntryKind> eventKinds, boolean alerts,
                           long alertsAfter, Optional<List<String>> accounts, Optional<String> jurisdiction, String secret, Status status, Instant createdAt,
                           EntryPosition after, long delivered, Optional<Instant> failingSince, int attempts, Optional<Instant> nextAttemptAt,
                           Optional<String> lastError) {

    public enum Status { ACTIVE, PAUSED }

    /** Before every entry of {@code block}: where a subscription that starts at {@code block} stands. */
    static EntryPosition before(long block) {
        return new EntryPosition(block - 1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
