package io.ledgernode.reports;

import io.ledgernode.reports.mirror.Asset;
import io.ledgernode.reports.mirror.CutOff;
import io.ledgernode.reports.party.Pseudonyms;
import io.ledgernode.reports.table.Origin;
import io.ledgernode.reports.table.ReportHeader;
import io.ledgernode.reports.table.Value;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** What every report read from the mirror is built with: who makes it, the cut-off, the assets, the pseudonyms. */
public record ReportContext(Origin origin, CutOff cutOff, SortedMap<String, Asset> assets, Pseudonyms pseudonyms) {

    public ReportContext {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(pseudonyms, "pseudonyms");
        assets = Collections.unmodifiableSortedMap(new TreeMap<>(assets));
    }

    /** The header of a report of this kind, jurisdiction and period at the cut-off, dated by the chain. */
    public ReportHeader header(ReportKind kind, String jurisdiction, String period) {
        return origin.header(kind, jurisdiction, period, cutOff.blockNumber(), cutOff.headerHashHex(),
                cutOff.chainTime());
    }

    /** The asset of this code; the mirror is inconsistent if an entry names an asset not registered by then. */
    public Asset asset(String code) throws ReportException {
        Asset asset = assets.get(code);
        if (asset == null) {
            throw new ReportException(ReportException.Reason.MIRROR_INCONSISTENT, "asset " + code
                    + " is used at or before block " + cutOff.blockNumber() + " but not registered by then");
        }
        return asset;
    }

    /**
     * A row of a totals table: the asset, what is totalled (a movement type, a direction), how many, and the sum in
     * minor units and in the asset's decimals.
     */
    public List<Value> totalRow(String assetCode, String totalled, int count, BigInteger sum) throws ReportException {
        Asset asset = asset(assetCode);
        return List.of(Value.text(asset.code()), Value.text(totalled), Value.number(count), Value.amount(sum),
                Value.text(asset.decimal(sum)));
    }
}
