package io.ledgernode.chaincode.listing;

import io.ledgernode.api.asset.Asset;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.api.listing.ListRequest;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.state.RawPage;
import io.ledgernode.chaincode.tx.Tx;
import java.util.ArrayList;
import java.util.List;

/** {@code Assets:list}: every asset with its supply, in code order. */
public final class AssetListing {
    private final LedgerState state;

    public AssetListing(final LedgerState state) {
        this.state = state;
    }

    /**
     * One page of assets with their supplies. An asset and its supply record are written together at registration,
     * so the supply records from the first asset's on are exactly the page's; anything else is corrupt state.
     */
    public AssetLinesPage page(final Tx tx, final ListRequest request) {
        final RawPage<Asset> page = state.page(Keys.assets(), PageSizes.of(tx, request.pageSize()),
                request.bookmark(), Asset.class);
        final List<Asset> assets = page.records();
        final List<AssetLine> lines = new ArrayList<>(assets.size());
        if (!assets.isEmpty()) {
            state.pageFrom(Keys.supplies(), Keys.supply(assets.get(0).code()), assets.size(), (key, value) -> {
                final Asset asset = assets.get(lines.size());
                if (!key.equals(Keys.supply(asset.code()))) {
                    throw new IllegalStateException("supply records are out of step with assets at " + asset.code());
                }
                final Supply supply = LedgerState.decode(key, value, Supply.class);
                lines.add(AssetLine.of(asset.code(), asset.decimals(), supply.supply()));
                return true;
            });
        }
        if (lines.size() != assets.size()) {
            throw new IllegalStateException("found " + lines.size() + " supply records for " + assets.size()
                    + " assets");
        }
        return AssetLinesPage.of(lines, page.bookmark());
    }
}
