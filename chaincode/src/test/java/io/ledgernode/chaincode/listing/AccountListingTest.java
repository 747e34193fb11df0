package io.ledgernode.chaincode.listing;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.api.account.PageRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.ListRequest;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountListingTest {
    private static final String NO_HOLDS_DIGEST = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void listing_pages_every_account_in_id_order_with_the_balances_that_Accounts_get_gives() {
        final Scenario scenario = busyScenario(3);
        final List<AccountLine> all = listAll(scenario, 2);

        assertThat(all).extracting(AccountLine::id).containsExactly("a", "a-b", "a.b", "a0", "ab", "alice", "b",
                "bob", "carol", "dave", "euro-acct", "treasury");
        for (final AccountLine line : all) {
            final AccountView view = scenario.view(line.id());
            assertThat(line.balance()).as("balance of %s", line.id()).isEqualTo(view.balance());
            assertThat(line.held()).as("held of %s", line.id()).isEqualTo(view.held());
            assertThat(line.status()).isEqualTo(view.status());
        }
    }

    @Test
    void pending_credits_and_open_holds_are_counted_for_their_own_account_only_whatever_the_page_boundaries() {
        for (int pageSize = 1; pageSize <= 5; pageSize++) {
            final Scenario scenario = busyScenario(pageSize);
            final List<AccountLine> all = listAll(scenario, pageSize);
            assertThat(all).hasSize(12);
            for (final AccountLine line : all) {
                assertThat(line.balance().minorUnits()).as("balance of %s with pages of %d", line.id(), pageSize)
                        .isEqualTo(scenario.balance(line.id()));
                assertThat(line.openHolds().sum()).as("open holds of %s", line.id()).isEqualTo(line.held());
            }
        }
    }

    @Test
    void the_open_hold_summary_counts_sums_and_digests_only_the_open_holds_in_hold_id_order() throws Exception {
        final Scenario scenario = busyScenario(3);
        final AccountLine alice = summary(scenario, "alice");

        assertThat(alice.openHolds().count()).isEqualTo(2);
        assertThat(alice.openHolds().sum().minorUnits()).isEqualTo(70);
        assertThat(alice.openHolds().digest()).isEqualTo(sha256("h-1:30\nh-10:40\n"))
                .isEqualTo("7e51a1e99dd25f40b576a3f03e6d34d6835c8dd56e7bb57478bf8b75c185ecb9");
        assertThat(summary(scenario, "bob").openHolds().digest()).isEqualTo(NO_HOLDS_DIGEST);
        assertThat(summary(scenario, "bob").openHolds().count()).isZero();
    }

    @Test
    void summary_is_the_line_the_listing_shows_and_an_unknown_account_is_UNKNOWN_ACCOUNT() {
        final Scenario scenario = busyScenario(2);
        for (final AccountLine line : listAll(scenario, 5)) {
            assertThat(LedgerJson.writeString(summary(scenario, line.id()))).isEqualTo(LedgerJson.writeString(line));
        }
        assertRejected(scenario.harness().evaluate(BANK, "Accounts:summary", "nobody"), ErrorCode.UNKNOWN_ACCOUNT);
        assertRejected(scenario.harness().evaluate(BANK, "Accounts:summary", "no body"), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void the_result_is_deterministic_json_with_every_field() {
        final Scenario scenario = busyScenario(1);
        final String json = list(scenario, 1, "").payload();

        assertThat(json).startsWith("{\"accounts\":[{\"asset\":\"USD\",\"balance\":\"5\",\"held\":\"0\",\"id\":\"a\","
                + "\"jurisdiction\":\"DE\",\"openHolds\":{\"count\":0,\"digest\":\"" + NO_HOLDS_DIGEST
                + "\",\"sum\":\"0\"},\"status\":\"ACTIVE\"}],\"bookmark\":\"");
    }

    @Test
    void a_frozen_account_is_listed_with_its_status() {
        final Scenario scenario = busyScenario(1);
        scenario.freeze("bob");
        assertThat(summary(scenario, "bob").status()).isEqualTo(AccountStatus.FROZEN);
    }

    @Test
    void the_page_size_defaults_to_pageSizeMax_and_may_not_exceed_it() {
        final Scenario scenario = new Scenario();
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP", null, null, 2));
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2));
        for (final String id : new String[] {"x1", "x2", "x3"}) {
            scenario.open(BANK, id, "USD");
        }
        final AccountLinesPage first = scenario.harness().evaluate(BANK, "Accounts:list", "{}")
                .result(AccountLinesPage.class);
        assertThat(first.accounts()).hasSize(2);
        assertThat(list(scenario, null, first.bookmark()).result(AccountLinesPage.class).accounts())
                .extracting(AccountLine::id).containsExactly("x3");
        assertRejected(list(scenario, 3, ""), ErrorCode.INVALID_ARGUMENT);
        assertRejected(scenario.harness().evaluate(BANK, "Accounts:list", "{\"pageSize\":0}"),
                ErrorCode.INVALID_ARGUMENT);
        assertRejected(scenario.harness().evaluate(BANK, "Accounts:list", "{\"pageSize\":1,\"extra\":1}"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void a_bookmark_of_another_query_or_a_forged_one_is_INVALID_ARGUMENT() {
        final Scenario scenario = busyScenario(1);
        final String historyBookmark = scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HISTORY,
                LedgerJson.writeString(PageRequest.of("alice", 1, null))).result(
                        io.ledgernode.api.account.HistoryPage.class).bookmark();
        assertThat(historyBookmark).isNotEmpty();

        assertRejected(list(scenario, 1, historyBookmark), ErrorCode.INVALID_ARGUMENT);
        assertRejected(list(scenario, 1, "!!!"), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void an_empty_ledger_lists_nothing() {
        final Scenario scenario = new Scenario();
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP"));
        final AccountLinesPage page = list(scenario, null, "").result(AccountLinesPage.class);
        assertThat(page.accounts()).isEmpty();
        assertThat(page.bookmark()).isEmpty();
    }

    /**
     * The funded scenario plus accounts whose ids are prefixes of each other (so their keys interleave with the
     * neighbours' pending credits and holds), pending credits on several of them, a partly folded balance, open,
     * captured and voided holds.
     */
    static Scenario busyScenario(final int seed) {
        final Scenario scenario = Scenario.funded();
        final List<OpenAccountRequest> tricky = new ArrayList<>();
        for (final String id : new String[] {"a", "a-b", "a.b", "a0", "ab", "b"}) {
            tricky.add(OpenAccountRequest.of(id, "USD", "ref-" + id, "DE"));
        }
        scenario.ok(BANK, Transactions.ACCOUNTS_OPEN_MANY, OpenAccountsRequest.of(tricky));
        scenario.mint("alice", 1_000);
        scenario.mint("a", 5);
        scenario.mint("a-b", 7 + seed);
        scenario.mint("ab", 11);
        scenario.mint("treasury", 300);
        for (int i = 0; i < 3; i++) {
            scenario.transfer(BANK, "alice", "a0", 2 + i);
            scenario.transfer(BANK, "alice", "bob", 10 + i);
        }
        scenario.transfer(BANK, "bob", "carol", 25);
        scenario.placeHold("h-1", "alice", 30, Duration.ofMinutes(5));
        scenario.placeHold("h-10", "alice", 40, Duration.ofMinutes(5));
        scenario.placeHold("h-2", "alice", 50, Duration.ofMinutes(5));
        scenario.placeHold("hb", "bob", 3, Duration.ofMinutes(5));
        scenario.placeHold("hc", "a-b", 4, Duration.ofMinutes(5));
        scenario.ok(BANK, Transactions.HOLDS_CAPTURE, CaptureHoldRequest.of(scenario.nextKey(), "h-2", "carol",
                Amount.of(20)));
        scenario.ok(BANK, Transactions.HOLDS_VOID, HoldRequest.of("hb"));
        return scenario;
    }

    static List<AccountLine> listAll(final Scenario scenario, final int pageSize) {
        final List<AccountLine> all = new ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            final AccountLinesPage page = list(scenario, pageSize, bookmark).result(AccountLinesPage.class);
            assertThat(page.accounts().size()).isLessThanOrEqualTo(pageSize);
            all.addAll(page.accounts());
            bookmark = page.bookmark();
            pages++;
            assertThat(pages).isLessThan(100);
        } while (!bookmark.isEmpty());
        return all;
    }

    private static Outcome list(final Scenario scenario, final Integer pageSize, final String bookmark) {
        return scenario.harness().evaluate(BANK, "Accounts:list",
                LedgerJson.writeString(ListRequest.of(pageSize, bookmark)));
    }

    private static AccountLine summary(final Scenario scenario, final String id) {
        final Outcome outcome = scenario.harness().evaluate(BANK, "Accounts:summary", id);
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        return outcome.result(AccountLine.class);
    }

    private static String sha256(final String text) throws Exception {
        final StringBuilder hex = new StringBuilder();
        for (final byte b : MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
