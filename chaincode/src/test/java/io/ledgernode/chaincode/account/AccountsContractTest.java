package io.ledgernode.chaincode.account;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.OTHER_BANK;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.account.HistoryEntry;
import io.ledgernode.api.account.HistoryPage;
import io.ledgernode.api.account.HoldsPage;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.api.account.OpenAccountsResult;
import io.ledgernode.api.account.PageRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.event.AccountsOpenedEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsContractTest {

    @Test
    void opening_makes_the_callers_org_the_custodian_with_a_zero_balance() {
        final Scenario scenario = Scenario.funded();
        final Outcome outcome = scenario.ok(OTHER_BANK, Transactions.ACCOUNTS_OPEN,
                OpenAccountRequest.of("erin", "USD", "cust-7f3a", "FR-75"));
        final Account account = outcome.result(Account.class);
        assertThat(account.custodianMsp()).isEqualTo("Org3MSP");
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.openedAt()).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(outcome.events().get(0).getKey()).isEqualTo("ACCOUNTS_OPENED");
        final AccountView view = scenario.view("erin");
        assertThat(view.balance().isZero()).isTrue();
        assertThat(view.held().isZero()).isTrue();
        assertThat(view.account().custodianMsp()).isEqualTo("Org3MSP");
    }

    @Test
    void an_existing_id_is_ACCOUNT_EXISTS_and_an_unknown_asset_is_UNKNOWN_ASSET() {
        final Scenario scenario = Scenario.funded();
        assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_OPEN,
                OpenAccountRequest.of("alice", "USD", "x", "DE")), ErrorCode.ACCOUNT_EXISTS);
        assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_OPEN,
                OpenAccountRequest.of("zed", "GBP", "x", "DE")), ErrorCode.UNKNOWN_ASSET);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_GET, "zed"),
                ErrorCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void bad_ids_owner_references_and_jurisdictions_are_INVALID_ARGUMENT() {
        final Scenario scenario = Scenario.funded();
        for (final String json : new String[] {
            "{\"id\":\"-alice\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE\"}",
            "{\"id\":\"" + "a".repeat(65) + "\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE\"}",
            "{\"id\":\"alice2\",\"asset\":\"USD\",\"ownerRef\":\"John Smith\",\"jurisdiction\":\"DE\"}",
            "{\"id\":\"alice2\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"Germany\"}",
            "{\"id\":\"alice2\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE-ABCD\"}",
            "{\"id\":\"alice2\",\"asset\":\"US\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE\"}",
            "{\"id\":\"alice\\u0000x\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE\"}"}) {
            assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_OPEN, json),
                    ErrorCode.INVALID_ARGUMENT);
        }
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_GET, "a b"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void open_many_opens_all_in_one_event() {
        final Scenario scenario = Scenario.funded();
        final Outcome outcome = scenario.ok(BANK, Transactions.ACCOUNTS_OPEN_MANY, OpenAccountsRequest.of(List.of(
                OpenAccountRequest.of("m1", "USD", "r1", "DE"), OpenAccountRequest.of("m2", "EUR", "r2", "AT"))));
        assertThat(outcome.result(OpenAccountsResult.class).accounts()).extracting(Account::id)
                .containsExactly("m1", "m2");
        final AccountsOpenedEvent event = (AccountsOpenedEvent) LedgerEvents.parse("ACCOUNTS_OPENED",
                outcome.events().get(0).getValue());
        assertThat(LedgerJson.writeString(event.accounts()))
                .isEqualTo(LedgerJson.writeString(outcome.result(OpenAccountsResult.class).accounts()));
    }

    @Test
    void open_many_is_all_or_nothing() {
        final Scenario scenario = Scenario.funded();
        assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_OPEN_MANY, OpenAccountsRequest.of(List.of(
                OpenAccountRequest.of("m1", "USD", "r1", "DE"), OpenAccountRequest.of("alice", "USD", "r2", "DE")))),
                ErrorCode.ACCOUNT_EXISTS);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_GET, "m1"), ErrorCode.UNKNOWN_ACCOUNT);
        assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_OPEN_MANY, "{\"accounts\":["
                + "{\"id\":\"m1\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE\"},"
                + "{\"id\":\"m1\",\"asset\":\"USD\",\"ownerRef\":\"r\",\"jurisdiction\":\"DE\"}]}"),
                ErrorCode.INVALID_ARGUMENT);
        assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_OPEN_MANY, "{\"accounts\":[]}"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void open_many_above_bulkOpenMax_is_BATCH_TOO_LARGE() {
        final Scenario scenario = new Scenario();
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP", 3, null, null));
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2));
        final List<OpenAccountRequest> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(OpenAccountRequest.of("acct-" + i, "USD", "r", "DE"));
        }
        assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_OPEN_MANY, OpenAccountsRequest.of(four)),
                ErrorCode.BATCH_TOO_LARGE);
        scenario.ok(BANK, Transactions.ACCOUNTS_OPEN_MANY, OpenAccountsRequest.of(four.subList(0, 3)));
    }

    @Test
    void history_pages_oldest_first_with_a_bookmark_until_done() {
        final Scenario scenario = Scenario.funded();
        scenario.mint("alice", 1_000);
        for (int i = 1; i <= 6; i++) {
            scenario.harness().clock().advance(Duration.ofSeconds(1));
            scenario.transfer(BANK, "alice", "bob", i);
        }
        final List<HistoryEntry> all = new ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            final HistoryPage page = history("alice", 3, bookmark, scenario);
            assertThat(page.entries().size()).isLessThanOrEqualTo(3);
            all.addAll(page.entries());
            bookmark = page.bookmark();
            pages++;
        } while (!bookmark.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(entry -> entry.entry().kind()).containsExactly(EntryKind.MINT, EntryKind.DEBIT,
                EntryKind.DEBIT, EntryKind.DEBIT, EntryKind.DEBIT, EntryKind.DEBIT, EntryKind.DEBIT);
        assertThat(all).extracting(entry -> entry.entry().amount().minorUnits())
                .containsExactly(1_000L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void the_page_size_is_capped_by_pageSizeMax_and_defaults_to_it() {
        final Scenario scenario = new Scenario();
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP", null, null, 2));
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2));
        scenario.open(BANK, "alice", "USD");
        scenario.open(BANK, "bob", "USD");
        for (int i = 0; i < 3; i++) {
            scenario.mint("alice", 10);
        }
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HISTORY,
                LedgerJson.writeString(PageRequest.of("alice", 3, null))), ErrorCode.INVALID_ARGUMENT);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HISTORY,
                "{\"account\":\"alice\",\"pageSize\":0}"), ErrorCode.INVALID_ARGUMENT);
        final HistoryPage first = history("alice", null, null, scenario);
        assertThat(first.entries()).hasSize(2);
        assertThat(first.bookmark()).isNotEmpty();
        assertThat(history("alice", null, first.bookmark(), scenario).entries()).hasSize(1);
    }

    @Test
    void a_bookmark_of_another_account_or_a_forged_one_is_INVALID_ARGUMENT() {
        final Scenario scenario = Scenario.funded();
        for (int i = 0; i < 3; i++) {
            scenario.mint("bob", 10);
        }
        final String bobsBookmark = history("bob", 1, null, scenario).bookmark();
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HISTORY,
                LedgerJson.writeString(PageRequest.of("alice", 1, bobsBookmark))), ErrorCode.INVALID_ARGUMENT);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HISTORY,
                LedgerJson.writeString(PageRequest.of("alice", 1, "!!!"))), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void the_holds_query_pages_the_open_holds_of_one_account() {
        final Scenario scenario = Scenario.funded();
        scenario.mint("alice", 1_000);
        scenario.mint("bob", 1_000);
        for (final String id : new String[] {"h1", "h2", "h3"}) {
            scenario.placeHold(id, "alice", 10, Duration.ofMinutes(5));
        }
        scenario.placeHold("hb", "bob", 10, Duration.ofMinutes(5));
        scenario.submit(BANK, Transactions.HOLDS_VOID, HoldRequest.of("h2"));
        final HoldsPage first = holds("alice", 1, "", scenario);
        final HoldsPage second = holds("alice", 1, first.bookmark(), scenario);
        assertThat(first.holds()).extracting(Hold::id).containsExactly("h1");
        assertThat(second.holds()).extracting(Hold::id).containsExactly("h3");
        assertThat(second.bookmark()).isEmpty();
    }

    private static HistoryPage history(final String account, final Integer pageSize, final String bookmark,
            final Scenario scenario) {
        return scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HISTORY,
                LedgerJson.writeString(PageRequest.of(account, pageSize, bookmark))).result(HistoryPage.class);
    }

    private static HoldsPage holds(final String account, final Integer pageSize, final String bookmark,
            final Scenario scenario) {
        return scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_HOLDS,
                LedgerJson.writeString(PageRequest.of(account, pageSize, bookmark))).result(HoldsPage.class);
    }
}
