package io.ledgernode.node.alert;

import io.ledgernode.api.Instants;
import java.util.List;

/**
 * An alert as the API answers it (and a webhook delivers it): amounts as decimal text of minor units, times ISO-8601
 * UTC with milliseconds.
 *
 * @param blockNumber the block of its entry, null for a refused attempt
 */
public record AlertAnswer(long id, String kind, String accountId, String jurisdiction, String asset, String amount, String threshold,
                          String txId, Long blockNumber, Integer txIndex, Integer entryIndex, String occurredAt, String detail, String raisedAt) {

    public static AlertAnswer of(Alert alert) {
        return new AlertAnswer(alert.id(), alert.kind().name(), alert.accountId(), alert.jurisdiction(), alert.asset(),
                Long.toString(alert.amount()), alert.threshold().isPresent() ? Long.toString(alert.threshold().getAsLong()) : null,
                alert.txId().orElse(null), alert.position().map(p -> p.blockNumber()).orElse(null),
                alert.position().map(p -> (int) p.txIndex()).orElse(null), alert.position().map(p -> (int) p.entryIndex()).orElse(null),
                Instants.format(alert.occurredAt()), alert.detail(), Instants.format(alert.raisedAt()));
    }

    /** A page of alerts, newest first, with the cursor of the next (older) page or null. */
    public record Page(List<AlertAnswer> alerts, String nextCursor) {
    }
}
