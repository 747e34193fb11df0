package io.ledgernode.mirror;

import io.ledgernode.api.hold.HoldStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A row of {@link MirrorTables#HOLDS}: money set aside on an account until captured, voided or released.
 *
 * @param id the hold id
 * @param accountId the account it holds money of
 * @param asset the asset code
 * @param amount integer minor units, positive
 * @param payee the account it may be captured to, or null for any
 * @param expiresAt when it lapses
 * @param status open, or how it closed
 * @param placedTxId the transaction that placed it
 * @param placedBlock the block of that transaction
 * @param closedTxId the transaction that closed it, or null while open
 * @param closedBlock the block of that transaction, empty while open
 */
public record Hold(String id, String accountId, String asset, long amount, String payee, Instant expiresAt, HoldStatus status,
        String placedTxId, long placedBlock, String closedTxId, OptionalLong closedBlock) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(placedTxId, "placedTxId");
        Objects.requireNonNull(closedBlock, "closedBlock");
        if (amount <= 0) {
            throw new IllegalArgumentException("hold " + id + " of " + amount);
        }
    }
}
