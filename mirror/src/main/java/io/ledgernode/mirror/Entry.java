package io.ledgernode.mirror;

import io.ledgernode.api.money.EntryKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@link MirrorTables#ENTRIES}: one balance effect of a valid transaction, in the chaincode's order.
 *
 * @param blockNumber the block of its transaction
 * @param txIndex its transaction's position in the block
 * @param entryIndex its position among the transaction's entries
 * @param txId the transaction id
 * @param accountId the account it moves
 * @param asset the asset code
 * @param kind what it does to the account's balance and held amount (and the asset's supply)
 * @param amount integer minor units, positive
 * @param holdId the hold it belongs to, or null
 * @param txTimestamp its transaction's timestamp
 * @param counterparty the account on the other side of its leg (a debit's receiver, a credit's sender, a captured
 *     hold's payee), or null where there is none
 * @param reference the reference its leg carried (an invoice number, say), or null
 */
public record Entry(long blockNumber, int txIndex, int entryIndex, String txId, String accountId, String asset,
        EntryKind kind, long amount, String holdId, Instant txTimestamp, String counterparty, String reference) {

    /** An entry with no counterparty and no reference (minting, burning, a hold placed, voided or released). */
    public Entry(long blockNumber, int txIndex, int entryIndex, String txId, String accountId, String asset, EntryKind kind,
                 long amount, String holdId, Instant txTimestamp) {
        this(blockNumber, txIndex, entryIndex, txId, accountId, asset, kind, amount, holdId, txTimestamp, null, null);
    }

    public Entry {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(txTimestamp, "txTimestamp");
        if (amount <= 0) {
            throw new IllegalArgumentException("entry amount must be positive, not " + amount);
        }
    }

    /** Where the entry stands in the chain's order of entries. */
    public EntryPosition position() {
        return new EntryPosition(blockNumber, txIndex, entryIndex);
    }
}
