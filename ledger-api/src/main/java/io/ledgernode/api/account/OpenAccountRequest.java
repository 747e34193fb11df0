package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/** {@code Accounts:open}: the caller's org becomes the account's custodian. */
public final class OpenAccountRequest {
    private final String id;
    private final String asset;
    private final String ownerRef;
    private final String jurisdiction;

    private OpenAccountRequest(final String id, final String asset, final String ownerRef,
            final String jurisdiction) {
        this.id = Require.accountId("id", id);
        this.asset = Require.assetCode("asset", asset);
        this.ownerRef = Require.ownerRef("ownerRef", ownerRef);
        this.jurisdiction = Require.jurisdiction("jurisdiction", jurisdiction);
    }

    @JsonCreator
    public static OpenAccountRequest of(@JsonProperty("id") final String id, @JsonProperty("asset") final String asset,
            @JsonProperty("ownerRef") final String ownerRef,
            @JsonProperty("jurisdiction") final String jurisdiction) {
        return new OpenAccountRequest(id, asset, ownerRef, jurisdiction);
    }

    public String id() {
        return id;
    }

    public String asset() {
        return asset;
    }

    public String ownerRef() {
        return ownerRef;
    }

    public String jurisdiction() {
        return jurisdiction;
    }
}
