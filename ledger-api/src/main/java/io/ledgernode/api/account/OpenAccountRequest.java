package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Accounts:open}: the caller's org becomes the account's custodian. */
public final class OpenAccountRequest extends AccountOpening {

    private OpenAccountRequest(final String id, final String asset, final String ownerRef,
            final String jurisdiction) {
        super(id, asset, ownerRef, jurisdiction);
    }

    @JsonCreator
    public static OpenAccountRequest of(@JsonProperty("id") final String id, @JsonProperty("asset") final String asset,
            @JsonProperty("ownerRef") final String ownerRef,
            @JsonProperty("jurisdiction") final String jurisdiction) {
        return new OpenAccountRequest(id, asset, ownerRef, jurisdiction);
    }
}
