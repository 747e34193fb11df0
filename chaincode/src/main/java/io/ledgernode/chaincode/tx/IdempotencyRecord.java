package io.ledgernode.chaincode.tx;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/**
 * The stored outcome of an idempotent request: the hash of the request, the original result, byte for byte, and the
 * transaction that applied it ({@code null} in records written before the transaction was kept).
 */
final class IdempotencyRecord {
    private final String requestSha256;
    private final String result;
    private final String txId;

    @JsonCreator
    IdempotencyRecord(@JsonProperty("requestSha256") final String requestSha256,
            @JsonProperty("result") final String result, @JsonProperty("txId") final String txId) {
        this.requestSha256 = Require.present("requestSha256", requestSha256);
        this.result = Require.present("result", result);
        this.txId = txId;
    }

    /** The transaction that applied the request, when the record names it. */
    java.util.Optional<String> txId() {
        return java.util.Optional.ofNullable(txId);
    }

    String requestSha256() {
        return requestSha256;
    }

    String result() {
        return result;
    }
}
