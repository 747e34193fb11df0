package io.ledgernode.chaincode.tx;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/** The stored outcome of an idempotent request: the hash of the request and the original result, byte for byte. */
final class IdempotencyRecord {
    private final String requestSha256;
    private final String result;

    @JsonCreator
    IdempotencyRecord(@JsonProperty("requestSha256") final String requestSha256,
            @JsonProperty("result") final String result) {
        this.requestSha256 = Require.present("requestSha256", requestSha256);
        this.result = Require.present("result", result);
    }

    String requestSha256() {
        return requestSha256;
    }

    String result() {
        return result;
    }
}
