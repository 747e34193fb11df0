package io.ledgernode.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@link MirrorTables#TRANSACTIONS}: one envelope of a block, valid or not. A transaction id is not unique on
 * its own: Fabric records a re-sent envelope again, as {@code DUPLICATE_TXID}.
 *
 * @param blockNumber the block it is in
 * @param txIndex its position in the block
 * @param txId the transaction id
 * @param headerType the envelope's header type, e.g. {@code ENDORSER_TRANSACTION}
 * @param validationCode {@code VALID}, or the exact reason it is invalid (e.g. {@code MVCC_READ_CONFLICT})
 * @param creatorMsp the MSP id of its creator, or null
 * @param chaincode the chaincode it invoked, or null
 * @param function the function it invoked, or null
 * @param txTimestamp the timestamp its creator put in its header
 * @param eventName the name of the chaincode event it set, or null
 */
public record Transaction(long blockNumber, int txIndex, String txId, String headerType, String validationCode,
        String creatorMsp, String chaincode, String function, Instant txTimestamp, String eventName) {

    /** The validation code of a transaction whose effects count. */
    public static final String VALID = "VALID";

    public Transaction {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(headerType, "headerType");
        Objects.requireNonNull(validationCode, "validationCode");
        Objects.requireNonNull(txTimestamp, "txTimestamp");
    }

    public boolean valid() {
        return VALID.equals(validationCode);
    }
}
