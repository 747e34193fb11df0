package io.ledgernode.mirror.reconciliation;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded break. {@code subject} is ACCOUNT, ASSET, BLOCK or TRANSACTION; {@code accountId},
 * {@code jurisdiction}, {@code asset} and {@code txId} are null where they do not apply; {@code chainValue} and
 * {@code mirrorValue} are each side's value as text (amounts in minor units, hashes in hex), null where a side has
 * nothing.
 */
public record BreakView(long id, long runId, BreakType type, String subject, String accountId, String jurisdiction,
                        String asset, String txId, long blockNumber, String chainValue, String mirrorValue, String detail,
                        Instant recordedAt) {

    public BreakView {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
