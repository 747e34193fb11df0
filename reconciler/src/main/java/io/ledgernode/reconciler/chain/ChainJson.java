package io.ledgernode.reconciler.chain;

import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.api.listing.ListRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chaincode's listing results into ledger-api's listing types with ledger-api's strict JSON (the chaincode
 * writes them with the same classes), then into the values the reconciler compares. Amounts are canonical decimal
 * strings of minor units; anything else (a missing field, a number where a string belongs, a negative or oversized
 * amount) is refused, since a reconciler that guessed would compare the wrong values.
 */
final class ChainJson {

    private ChainJson() {
    }

    /** The request of one page of {@code Accounts:list} or {@code Assets:list}. */
    static String listRequest(int pageSize, String bookmark) {
        return new String(LedgerJson.write(ListRequest.of(pageSize, bookmark)), StandardCharsets.UTF_8);
    }

    static AccountPage accountPage(String json) {
        AccountLinesPage page = read(json, AccountLinesPage.class);
        List<AccountLine> lines = new ArrayList<>(page.accounts().size());
        page.accounts().forEach(line -> lines.add(accountLine(line)));
        return new AccountPage(lines, page.bookmark());
    }

    static AccountLine accountLine(String json) {
        return accountLine(read(json, io.ledgernode.api.listing.AccountLine.class));
    }

    static AssetPage assetPage(String json) {
        AssetLinesPage page = read(json, AssetLinesPage.class);
        List<AssetLine> lines = new ArrayList<>(page.assets().size());
        page.assets().forEach(line -> lines.add(new AssetLine(line.code(), line.decimals(), line.supply().minorUnits())));
        return new AssetPage(lines, page.bookmark());
    }

    /** {@code Assets:supply}: {@code {"asset":"USD","supply":"..."}}. */
    static long supply(String json) {
        return read(json, Supply.class).supply().minorUnits();
    }

    private static AccountLine accountLine(io.ledgernode.api.listing.AccountLine line) {
        io.ledgernode.api.listing.HoldSummary holds = line.openHolds();
        return new AccountLine(line.id(), line.asset(), line.jurisdiction(), line.status().name(),
                line.balance().minorUnits(), line.held().minorUnits(),
                new HoldSummary(holds.count(), holds.sum().minorUnits(), holds.digest()));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return LedgerJson.read(json, type);
        } catch (LedgerException e) {
            throw new IllegalStateException("the chaincode's answer is not a " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
