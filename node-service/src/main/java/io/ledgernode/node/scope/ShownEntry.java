package io.ledgernode.node.scope;

/**
 * An entry of a transaction as one caller is shown it (REST {@code entries}, gRPC {@code TransactionEntry}): in its
 * scope every field; outside it the account replaced by a per-transaction alias, and no jurisdiction, hold,
 * counterparty nor reference.
 *
 * @param jurisdiction the account's jurisdiction, or null on a masked leg
 * @param amount integer minor units, as text
 * @param holdId the hold it belongs to, or null (always on a masked leg)
 * @param counterparty the account on the other side of its leg, or null (always on a masked leg)
 * @param reference the reference its leg carried, or null (always on a masked leg)
 */
public record ShownEntry(int entryIndex, String accountId, String jurisdiction, String kind, String amount, String asset,
        String holdId, String counterparty, String reference) {
}
