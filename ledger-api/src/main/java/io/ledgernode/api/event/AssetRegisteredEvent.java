package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.asset.Asset;
import io.ledgernode.api.money.Entry;
import java.util.List;

/** {@code ASSET_REGISTERED}: the new asset (its supply starts at 0). */
public final class AssetRegisteredEvent extends LedgerEvent {
    private final Asset asset;

    private AssetRegisteredEvent(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final Asset asset) {
        super(type, AssetRegisteredEvent.class, txId, timestamp, entries);
        this.asset = Require.present("asset", asset);
    }

    @JsonCreator
    static AssetRegisteredEvent fromJson(@JsonProperty("type") final EventType type,
            @JsonProperty("txId") final String txId, @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("entries") final List<Entry> entries, @JsonProperty("asset") final Asset asset) {
        return new AssetRegisteredEvent(type, txId, timestamp, entries, asset);
    }

    public static AssetRegisteredEvent of(final String txId, final String timestamp, final Asset asset) {
        return new AssetRegisteredEvent(EventType.ASSET_REGISTERED, txId, timestamp, List.of(), asset);
    }

    public Asset asset() {
        return asset;
    }
}
