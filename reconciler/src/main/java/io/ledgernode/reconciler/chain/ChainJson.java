package io.ledgernode.reconciler.chain;

import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.api.listing.ListRequest;
import java.nio.charset.StandardCharsets;

/**
 * The chaincode's listing requests and answers, as ledger-api's types with ledger-api's strict JSON (the chaincode
 * writes them with the same classes). Amounts are canonical decimal strings of minor units; anything else (a missing
 * field, a number where a string belongs, a negative or oversized amount) is refused, since a reconciler that guessed
 * would compare the wrong values.
 */
final class ChainJson {

    private ChainJson() {
    }

    /** The request of one page of {@code Accounts:list} or {@code Assets:list}. */
    static String listRequest(int pageSize, String bookmark) {
        return new String(LedgerJson.write(ListRequest.of(pageSize, bookmark)), StandardCharsets.UTF_8);
    }

    static AccountLinesPage accountPage(String json) {
        return read(json, AccountLinesPage.class);
    }

    static AccountLine accountLine(String json) {
        return read(json, AccountLine.class);
    }

    static AssetLinesPage assetPage(String json) {
        return read(json, AssetLinesPage.class);
    }

    /** {@code Assets:supply}: {@code {"asset":"USD","supply":"..."}}. */
    static long supply(String json) {
        return read(json, Supply.class).supply().minorUnits();
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
