package io.ledgernode.chaincode.listing;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.api.listing.ListRequest;
import io.ledgernode.chaincode.testing.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssetListingTest {

    @Test
    void assets_are_listed_in_code_order_with_their_supply_across_pages() {
        final Scenario scenario = AccountListingTest.busyScenario(1);
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("CHF", 2));
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("JPY", 0));

        final List<AssetLine> all = new ArrayList<>();
        String bookmark = "";
        do {
            final AssetLinesPage page = scenario.harness().evaluate(BANK, "Assets:list",
                    LedgerJson.writeString(ListRequest.of(1, bookmark))).result(AssetLinesPage.class);
            assertThat(page.assets()).hasSizeLessThanOrEqualTo(1);
            all.addAll(page.assets());
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());

        assertThat(all).extracting(AssetLine::code).containsExactly("CHF", "EUR", "JPY", "USD");
        for (final AssetLine line : all) {
            assertThat(line.supply().minorUnits()).isEqualTo(scenario.supply(line.code()));
        }
        assertThat(all.get(2).decimals()).isZero();
        assertThat(all.get(3).supply().minorUnits()).isEqualTo(1_000 + 5 + 8 + 11 + 300);
    }

    @Test
    void a_bookmark_of_the_account_listing_is_INVALID_ARGUMENT() {
        final Scenario scenario = AccountListingTest.busyScenario(1);
        final String accountsBookmark = scenario.harness().evaluate(BANK, "Accounts:list",
                LedgerJson.writeString(ListRequest.of(1, ""))).result(AccountLinesPage.class).bookmark();

        assertRejected(scenario.harness().evaluate(BANK, "Assets:list",
                LedgerJson.writeString(ListRequest.of(1, accountsBookmark))), ErrorCode.INVALID_ARGUMENT);
    }
}
