package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.Value;

/**
 * One pending credit of an account, named by the transaction that wrote it and its entry index in that transaction,
 * e.g. {@code {"index":3,"txId":"9f2c..."}}. A reference names a credit of the account of the request it is in: the
 * chaincode builds the key from the account, so a reference can never reach another account's credit or a record of
 * another type.
 */
public final class CreditRef extends Value {
    /** Entry indexes are fixed-width six-digit numbers in the ledger's keys. */
    public static final int INDEX_MAX = 999_999;

    private final String txId;
    private final int index;

    private CreditRef(final String txId, final Integer index) {
        this.txId = Require.txId("txId", txId);
        this.index = Require.within("index", index, 0, INDEX_MAX);
    }

    @JsonCreator
    public static CreditRef of(@JsonProperty("txId") final String txId, @JsonProperty("index") final Integer index) {
        return new CreditRef(txId, index);
    }

    public String txId() {
        return txId;
    }

    public int index() {
        return index;
    }

    @Override
    protected Object[] components() {
        return new Object[] {txId, index};
    }

    @Override
    public String toString() {
        return describe("txId", "index");
    }
}
