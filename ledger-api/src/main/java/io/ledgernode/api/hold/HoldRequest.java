package io.ledgernode.api.hold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/** {@code Holds:void} (custodian only) and {@code Holds:release} (anyone, at or after expiry): names the hold. */
public final class HoldRequest {
    private final String holdId;

    private HoldRequest(final String holdId) {
        this.holdId = Require.holdId("holdId", holdId);
    }

    @JsonCreator
    public static HoldRequest of(@JsonProperty("holdId") final String holdId) {
        return new HoldRequest(holdId);
    }

    public String holdId() {
        return holdId;
    }
}
