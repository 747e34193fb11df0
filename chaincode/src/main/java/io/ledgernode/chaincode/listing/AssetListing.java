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
        final RawPage<Asset> page = tx.page(Keys.prefix(Keys.ASSET), request, Asset.class);
        final List<Asset> assets = page.records();
        final List<String> codes = new ArrayList<>(assets.size());
        for (final Asset asset : assets) {
            codes.add(asset.code());
        }
        final List<Supply> supplies = state.readAdjacent(Keys.SUPPLY, codes, Supply.class);
        final List<AssetLine> lines = new ArrayList<>(assets.size());
        for (int i = 0; i < assets.size(); i++) {
            lines.add(AssetLine.of(assets.get(i).code(), assets.get(i).decimals(), supplies.get(i).supply()));
        }
        return AssetLinesPage.of(lines, page.bookmark());
    }
}
