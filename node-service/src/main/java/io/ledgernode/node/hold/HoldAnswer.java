package io.ledgernode.node.hold;

import io.ledgernode.api.Instants;
import io.ledgernode.mirror.Hold;

/**
 * A hold as the API answers it (REST as JSON, gRPC as {@code HoldRecord}): amounts as decimal text of integer minor
 * units, times as ISO-8601 UTC with milliseconds, and the mirror height the answer reflects.
 *
 * @param payee the only account it may be captured to, or null for any
 * @param closedTxId the transaction that captured, voided or released it; null while open
 * @param closedBlock that transaction's block; null while open
 */
public record HoldAnswer(String id, String accountId, String asset, String amount, String payee, String expiresAt, String status,
        String placedTxId, long placedBlock, String closedTxId, Long closedBlock, long mirrorHeight) {

    static HoldAnswer of(Hold hold, long mirrorHeight) {
        return new HoldAnswer(hold.id(), hold.accountId(), hold.asset(), Long.toString(hold.amount()), hold.payee(),
                Instants.format(hold.expiresAt()), hold.status().name(), hold.placedTxId(), hold.placedBlock(), hold.closedTxId(),
                hold.closedBlock().isPresent() ? hold.closedBlock().getAsLong() : null, mirrorHeight);
    }
}
