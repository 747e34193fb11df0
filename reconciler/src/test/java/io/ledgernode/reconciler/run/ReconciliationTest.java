package io.ledgernode.reconciler.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.mirror.reconciliation.RunStatus;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.testing.ForwardingChainReader;
import io.ledgernode.reconciler.testing.RunHarness;
import io.ledgernode.reconciler.testing.TestDatabase;
import io.ledgernode.reconciler.testing.TwinLedger;
import io.ledgernode.reports.reconciliation.ReconciliationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole runs against a real PostgreSQL mirror and a fake chain kept in step with it: a clean mirror, each kind of
 * break, a mirror that lags, money that moves while the run pages through, and what a run records.
 */
class ReconciliationTest {

    private TestDatabase.Node node;
    private TwinLedger twin;
    private RunHarness harness;

    @BeforeEach
    void freshNode() throws SQLException {
        node = TestDatabase.freshNode();
        twin = new TwinLedger(node);
        harness = new RunHarness(node, twin.chain());
        twin.block(b -> b.register("USD").register("EUR"));
        twin.block(b -> {
            for (String id : List.of("a", "a-b", "a.b", "a0", "ab", "alice", "bob", "carol", "dave", "erin")) {
                b.open(id, "USD", id.startsWith("e") ? "FR" : "DE");
            }
            b.open("euro", "EUR", "AT");
        });
        twin.block(b -> b.mint("alice", 1_000).mint("bob", 500).mint("euro", 70));
        twin.block(b -> b.transfer("alice", "bob", 100).transfer("alice", "a-b", 5));
        twin.block(b -> b.placeHold("h-1", "alice", 30).placeHold("h-10", "alice", 40).placeHold("hb", "bob", 20));
        twin.block(b -> b.capture("h-1", "carol", 10).voidHold("hb"));
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void a_mirror_in_step_with_the_chain_has_no_breaks_and_the_run_records_the_block_it_is_consistent_at() throws Exception {
        RunOutcome outcome = harness.run();

        assertThat(outcome).isInstanceOf(RunOutcome.Clean.class);
        assertThat(outcome.exitStatus()).isZero();
        RunOutcome.Clean clean = (RunOutcome.Clean) outcome;
        assertThat(clean.summary().accountsCompared()).isEqualTo(11);
        assertThat(clean.summary().assetsCompared()).isEqualTo(2);
        assertThat(clean.summary().blocksCompared()).isEqualTo(6);
        assertThat(clean.summary().consistentBlock()).isEqualTo(5);
        RunView run = new BreakReader(node.reader()).run(clean.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.consistentBlock()).isEqualTo(5L);
        assertThat(run.breaksFound()).isZero();
        ReconciliationResult result = harness.handedOff().get(0);
        assertThat(result.runId()).isEqualTo(clean.runId());
        assertThat(result.breaks()).isEmpty();
        assertThat(HexFormat.of().formatHex(result.consistentAtBlockHash())).isEqualTo(run.consistentBlockHash());
    }

    @Test
    void a_changed_balance_is_an_AMOUNT_MISMATCH_with_both_values_and_the_block() throws Exception {
        tamper("UPDATE mirror.accounts SET balance = balance + 5 WHERE id = 'bob'");

        List<BreakView> breaks = breaksOf(harness.run());

        BreakView amount = only(breaks, BreakType.AMOUNT_MISMATCH);
        assertThat(amount.accountId()).isEqualTo("bob");
        assertThat(amount.jurisdiction()).isEqualTo("DE");
        assertThat(amount.asset()).isEqualTo("USD");
        assertThat(amount.chainValue()).isEqualTo("600");
        assertThat(amount.mirrorValue()).isEqualTo("605");
        assertThat(amount.blockNumber()).isEqualTo(5);
        // The mirror's balances of USD no longer add up to its supply either.
        assertThat(only(breaks, BreakType.SUPPLY_MISMATCH).asset()).isEqualTo("USD");
        assertThat(breaks).hasSize(2);
    }

    @Test
    void a_deleted_entry_is_an_AMOUNT_MISMATCH_even_when_the_balance_row_was_left_alone() throws Exception {
        tamper("DELETE FROM mirror.entries WHERE account_id = 'a-b' AND kind = 'CREDIT'");

        BreakView amount = soleBreakOfRun(BreakType.AMOUNT_MISMATCH);

        assertThat(amount.accountId()).isEqualTo("a-b");
        assertThat(amount.chainValue()).isEqualTo("5");
        assertThat(amount.mirrorValue()).isEqualTo("0");
    }

    @Test
    void a_changed_open_hold_is_a_HOLD_MISMATCH() throws Exception {
        tamper("UPDATE mirror.holds SET amount = 41 WHERE id = 'h-10'");

        BreakView hold = soleBreakOfRun(BreakType.HOLD_MISMATCH);

        assertThat(hold.accountId()).isEqualTo("alice");
        assertThat(hold.chainValue()).startsWith("held=40 count=1 sum=40 digest=");
        assertThat(hold.mirrorValue()).startsWith("held=40 count=1 sum=41 digest=");
    }

    @Test
    void an_account_the_mirror_missed_is_MISSING_IN_MIRROR() throws Exception {
        twin.block(b -> b.chainOnly().open("zed", "USD", "DE"));

        BreakView missing = soleBreakOfRun(BreakType.MISSING_IN_MIRROR);

        assertThat(missing.accountId()).isEqualTo("zed");
        assertThat(missing.chainValue()).isEqualTo("balance=0 held=0");
        assertThat(missing.mirrorValue()).isNull();
        assertThat(missing.blockNumber()).isEqualTo(6);
    }

    @Test
    void accounts_only_the_mirror_has_are_EXTRA_IN_MIRROR_before_between_and_after_the_chains_pages() throws Exception {
        for (String id : List.of("0first", "aa", "b", "zzz")) {
            tamper("INSERT INTO mirror.accounts (id, asset, custodian_msp, owner_ref, jurisdiction, status, opened_block, updated_block) "
                    + "VALUES ('" + id + "', 'USD', 'Org1MSP', 'ref', 'DE', 'ACTIVE', 1, 1)");
        }

        List<BreakView> breaks = breaksOf(harness.run());

        assertThat(breaks).extracting(BreakView::type).containsOnly(BreakType.EXTRA_IN_MIRROR);
        assertThat(breaks).extracting(BreakView::accountId).containsExactlyInAnyOrder("0first", "aa", "b", "zzz");
        assertThat(breaks.get(0).mirrorValue()).isEqualTo("balance=0 held=0");
        assertThat(breaks.get(0).chainValue()).isNull();
    }

    @Test
    void an_altered_block_hash_is_a_BLOCK_HASH_MISMATCH_of_that_block() throws Exception {
        String real = HexFormat.of().formatHex(twin.chain().blockAt(3).headerHash());
        tamper("UPDATE mirror.blocks SET header_hash = sha256('forged'::bytea) WHERE number = 3");

        BreakView hash = soleBreakOfRun(BreakType.BLOCK_HASH_MISMATCH);

        assertThat(hash.blockNumber()).isEqualTo(3);
        assertThat(hash.subject()).isEqualTo("BLOCK");
        assertThat(hash.chainValue()).isEqualTo(real);
        assertThat(hash.mirrorValue()).isNotEqualTo(real).hasSize(64);
    }

    @Test
    void a_changed_supply_is_a_SUPPLY_MISMATCH() throws Exception {
        tamper("UPDATE mirror.assets SET supply = supply + 1 WHERE code = 'EUR'");

        BreakView supply = soleBreakOfRun(BreakType.SUPPLY_MISMATCH);

        assertThat(supply.asset()).isEqualTo("EUR");
        assertThat(supply.chainValue()).isEqualTo("70");
        assertThat(supply.mirrorValue()).isEqualTo("71");
    }

    @Test
    void a_phantom_transaction_is_EXTRA_IN_MIRROR_in_its_block() throws Exception {
        tamper("INSERT INTO mirror.transactions (block_number, tx_index, tx_id, header_type, validation_code, tx_timestamp) "
                + "VALUES (3, 7, 'phantom', 'ENDORSER_TRANSACTION', 'VALID', now())");

        BreakView phantom = soleBreakOfRun(BreakType.EXTRA_IN_MIRROR);

        assertThat(phantom.subject()).isEqualTo("TRANSACTION");
        assertThat(phantom.txId()).isEqualTo("phantom");
        assertThat(phantom.blockNumber()).isEqualTo(3);
    }

    @Test
    void an_account_that_changed_on_chain_after_the_mirrors_checkpoint_is_not_a_break() throws Exception {
        twin.lagMirror();
        twin.block(b -> b.transfer("alice", "bob", 7).transfer("bob", "carol", 3));
        twin.catchUpAfter(Duration.ofMillis(400));

        RunOutcome outcome = harness.run();

        assertThat(outcome).isInstanceOf(RunOutcome.Clean.class);
        assertThat(((RunOutcome.Clean) outcome).summary().consistentBlock()).isEqualTo(6);
    }

    @Test
    void money_that_keeps_moving_while_the_run_pages_through_is_not_a_break() throws Exception {
        int[] round = {0};
        twin.chain().beforeEachPage(() -> {
            round[0]++;
            twin.lagMirror();
            twin.block(b -> b.transfer("alice", "erin", 1).transfer("bob", "a", 2).placeHold("f" + round[0], "alice", 1));
            twin.block(b -> b.capture("f" + round[0], "a0", 1).transfer("a", "ab", 1));
            twin.catchUpAfter(Duration.ofMillis(15));
        });

        RunOutcome outcome = harness.run();

        assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.Clean.class);
        assertThat(round[0]).isGreaterThanOrEqualTo(4);
    }

    @Test
    void an_account_that_changed_while_its_page_was_read_is_rechecked_alone_and_not_called_a_break() throws Exception {
        long before = twin.chain().account("alice").orElseThrow().balance().minorUnits();
        twin.block(b -> b.transfer("bob", "alice", 5));
        twin.block(b -> b.transfer("bob", "alice", 7));
        // The page shows alice as she was two blocks ago, outside the window the heights around it allow: only a
        // recheck of alice alone can tell whether that is a break.
        StalePage chain = new StalePage(twin.chain(), "alice", before);

        RunOutcome outcome = new RunHarness(node, chain).run();

        assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.Clean.class);
        assertThat(chain.rechecked).isTrue();
    }

    /** A chain whose account pages show one account with a stale balance; single-account reads are current. */
    private static final class StalePage extends ForwardingChainReader {
        private final String id;
        private final long staleBalance;
        private volatile boolean rechecked;

        StalePage(ChainReader chain, String id, long staleBalance) {
            super(chain);
            this.id = id;
            this.staleBalance = staleBalance;
        }

        @Override
        public AccountLinesPage accounts(int pageSize, String bookmark) {
            AccountLinesPage page = chain.accounts(pageSize, bookmark);
            return AccountLinesPage.of(page.accounts().stream().map(line -> line.id().equals(id) ? AccountLine.of(line.id(),
                    line.asset(), line.jurisdiction(), line.status(), Amount.of(staleBalance), line.held(), line.openHolds())
                    : line).toList(), page.bookmark());
        }

        @Override
        public Optional<AccountLine> account(String account) {
            rechecked |= account.equals(id);
            return chain.account(account);
        }
    }

    @Test
    void a_mirror_that_stays_behind_fails_the_run_which_records_why() throws Exception {
        harness.set("compare.mirrorWaitMax", "PT0.3S");
        twin.lagMirror();
        twin.block(b -> b.transfer("alice", "bob", 1));

        RunOutcome outcome = harness.run();

        assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
        assertThat(outcome.exitStatus()).isEqualTo(4);
        RunOutcome.Failed failed = (RunOutcome.Failed) outcome;
        assertThat(failed.reason()).contains("did not reach block 6");
        RunView run = new BreakReader(node.reader()).run(failed.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure()).contains("did not reach block 6");
        assertThat(harness.handedOff()).isEmpty();
    }

    @Test
    void pages_split_anywhere_compare_every_account_once_and_find_breaks_at_their_edges() throws Exception {
        twin.block(b -> {
            for (int i = 0; i < 23; i++) {
                b.open(String.format("p%02d", i), "USD", "DE");
            }
        });
        twin.block(b -> {
            for (int i = 0; i < 23; i++) {
                b.transfer("alice", String.format("p%02d", i), i + 1);
            }
        });
        harness.set("compare.pageSize", "4");
        // With pages of 4: a begins the first page, carol ends the second, p00 ends the third and p01 begins the fourth.
        tamper("UPDATE mirror.accounts SET balance = balance + 1 WHERE id IN ('a', 'p00', 'p01')");
        tamper("UPDATE mirror.accounts SET balance = balance - 1 WHERE id = 'carol'");

        RunOutcome outcome = harness.run();

        assertThat(((RunOutcome.BreaksFound) outcome).summary().accountsCompared()).isEqualTo(34);
        assertThat(twin.chain().pageQueries()).isEqualTo(9);
        List<BreakView> breaks = harness.breaks(((RunOutcome.BreaksFound) outcome).runId());
        assertThat(breaks).filteredOn(b -> b.type() == BreakType.AMOUNT_MISMATCH).extracting(BreakView::accountId)
                .containsExactlyInAnyOrder("a", "carol", "p00", "p01");
    }

    @Test
    void a_run_while_another_holds_the_run_lock_is_refused_and_does_nothing() throws Exception {
        try (AdvisoryLock held = ReconcilerDatabase.tryLockRun(node.reconciler()).orElseThrow()) {
            RunOutcome outcome = harness.run();

            assertThat(outcome).isInstanceOf(RunOutcome.Busy.class);
            assertThat(outcome.exitStatus()).isEqualTo(3);
            assertThat(((RunOutcome.Busy) outcome).holder()).startsWith("backend pid ");
        }
        assertThat(new BreakReader(node.reader()).runs(10, null).runs()).isEmpty();
        assertThat(harness.run()).isInstanceOf(RunOutcome.Clean.class);
    }

    @Test
    void breaks_are_listed_page_by_page_by_the_read_only_role_and_handed_to_the_report_writer() throws Exception {
        tamper("UPDATE mirror.accounts SET balance = balance + 1 WHERE asset = 'USD'");
        RunOutcome.BreaksFound found = (RunOutcome.BreaksFound) harness.run();
        BreakReader reader = new BreakReader(node.reader());

        BreakReader.BreakPage first = reader.breaks(found.runId(), Optional.empty(), 4, null);
        BreakReader.BreakPage second = reader.breaks(found.runId(), Optional.empty(), 4, first.nextCursor());
        List<BreakView> all = harness.breaks(found.runId());

        assertThat(all).hasSize(11);
        assertThat(first.breaks()).hasSize(4);
        assertThat(second.breaks().get(0).id()).isGreaterThan(first.breaks().get(3).id());
        assertThat(reader.breaks(found.runId(), Optional.of("FR"), 100, null).breaks()).extracting(BreakView::accountId)
                .containsExactly("erin");
        assertThat(reader.countsByType(found.runId())).containsEntry(BreakType.AMOUNT_MISMATCH, 10L)
                .containsEntry(BreakType.SUPPLY_MISMATCH, 1L).containsEntry(BreakType.HOLD_MISMATCH, 0L);
        ReconciliationResult result = harness.handedOff().get(0);
        assertThat(result.breaks()).hasSize(11);
        assertThat(result.breaks()).filteredOn(b -> "erin".equals(b.account())).singleElement()
                .satisfies(b -> {
                    assertThat(b.type()).isEqualTo(BreakType.AMOUNT_MISMATCH);
                    assertThat(b.jurisdiction()).isEqualTo("FR");
                    assertThat(b.chainValue()).isEqualTo("0");
                    assertThat(b.mirrorValue()).isEqualTo("1");
                });
        assertThat(found.exitStatus()).isEqualTo(1);
    }

    private List<BreakView> breaksOf(RunOutcome outcome) throws SQLException {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.BreaksFound.class);
        return harness.breaks(((RunOutcome.BreaksFound) outcome).runId());
    }

    /** The run's one break, which must be of {@code type}. */
    private BreakView soleBreakOfRun(BreakType type) throws Exception {
        List<BreakView> breaks = breaksOf(harness.run());
        BreakView sole = only(breaks, type);
        assertThat(breaks).hasSize(1);
        return sole;
    }

    private static BreakView only(List<BreakView> breaks, BreakType type) {
        List<BreakView> ofType = breaks.stream().filter(b -> b.type() == type).toList();
        assertThat(ofType).as("breaks of type %s among %s", type, breaks).hasSize(1);
        return ofType.get(0);
    }

    private void tamper(String sql) throws SQLException {
        try (Connection connection = node.superuser(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
