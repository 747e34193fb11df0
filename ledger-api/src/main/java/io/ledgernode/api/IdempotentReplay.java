package io.ledgernode.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a request sent again under its idempotency key, with the same body, is answered with: the transaction that
 * applied it the first time and that transaction's result, byte for byte. The chaincode refuses to endorse the replay
 * ({@link ErrorCode#REPLAYED}, this as the message's JSON), so a retry never becomes a transaction of its own, and a
 * client answers its caller with the original.
 */
public final class IdempotentReplay {
    private final String txId;
    private final String result;

    private IdempotentReplay(final String txId, final String result) {
        this.txId = Require.present("txId", txId);
        this.result = Require.present("result", result);
    }

    @JsonCreator
    public static IdempotentReplay of(@JsonProperty("txId") final String txId, @JsonProperty("result") final String result) {
        return new IdempotentReplay(txId, result);
    }

    /** The transaction that applied the request. */
    public String txId() {
        return txId;
    }

    /** Its result's JSON text, as the chaincode answered it then. */
    public String result() {
        return result;
    }
}
