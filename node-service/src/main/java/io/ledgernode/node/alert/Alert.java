package io.ledgernode.node.alert;

import io.ledgernode.mirror.EntryPosition;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An alert as kept.
 *
 * @param id its number, in the order alerts were raised
 * @param threshold the threshold it was measured against, if any
 * @param txId the transaction that raised it; empty for a refused attempt
 * @param position the position of its entry: (block, tx, entry); empty for a refused attempt
 * @param occurredAt the transaction's time, or when the attempt was refused
 */
public record Alert(long id, AlertKind kind, String accountId, String jurisdiction, String asset, long amount, OptionalLong threshold,
                    Optional<String> txId, Optional<EntryPosition> position, Instant occurredAt, String detail, Instant raisedAt) {
}
