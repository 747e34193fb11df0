package io.ledgernode.blocks;

import java.time.Instant;
import java.util.Objects;

/**
 * One envelope of a block, valid or not, in block order. An invalid transaction is still listed with what its envelope
 * says; its validation code tells that it changed nothing.
 *
 * @param index the envelope's position in the block, from 0
 * @param txId the channel header's transaction id; null only for a non-endorser transaction that has none (config
 *     transactions written by the orderer carry no id)
 * @param headerType the {@code HeaderType} name, e.g. {@code ENDORSER_TRANSACTION}, {@code CONFIG}
 * @param validationCode the {@code TxValidationCode} name from the TRANSACTIONS_FILTER metadata, e.g. {@code VALID},
 *     {@code MVCC_READ_CONFLICT}
 * @param creatorMsp the MSP id of the signature header's creator; null only for a non-endorser transaction without a
 *     creator (the genesis block's)
 * @param chaincode the invoked chaincode's name, null for non-endorser transactions
 * @param function the first argument of the invocation as UTF-8, e.g. {@code Money:transfer}; null if none
 * @param timestamp the channel header's timestamp (set by the client, not the orderer)
 * @param event the chaincode event of the transaction, null if it set none
 */
public record ParsedTransaction(int index, String txId, String headerType, String validationCode, String creatorMsp,
        String chaincode, String function, Instant timestamp, ChaincodeEventData event) {

    public ParsedTransaction {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Objects.requireNonNull(headerType, "headerType");
        Objects.requireNonNull(validationCode, "validationCode");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean valid() {
        return "VALID".equals(validationCode);
    }
}
