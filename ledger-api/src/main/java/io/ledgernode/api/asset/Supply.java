package io.ledgernode.api.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/**
 * {@code Assets:supply}: everything minted minus everything burned, which always equals the sum of all balances of the
 * asset plus its open holds.
 */
public final class Supply {
    private final String asset;
    private final Amount supply;

    private Supply(final String asset, final Amount supply) {
        this.asset = Require.assetCode("asset", asset);
        this.supply = Require.present("supply", supply);
    }

    @JsonCreator
    public static Supply of(@JsonProperty("asset") final String asset, @JsonProperty("supply") final Amount supply) {
        return new Supply(asset, supply);
    }

    public String asset() {
        return asset;
    }

    public Amount supply() {
        return supply;
    }
}
