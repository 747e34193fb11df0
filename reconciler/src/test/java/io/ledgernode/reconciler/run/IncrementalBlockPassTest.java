package io.ledgernode.reconciler.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.chain.ChainBlock;
import io.ledgernode.reconciler.compare.Reconciliation;
import io.ledgernode.reconciler.testing.ForwardingChainReader;
import io.ledgernode.reconciler.testing.RunHarness;
import io.ledgernode.reconciler.testing.TestDatabase;
import io.ledgernode.reconciler.testing.TwinLedger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (3b): a run's block pass continues from the last block a clean run verified, so its cost follows the
 * blocks added since; every block from block 0 is verified again on demand, when due, and whenever the chain no
 * longer has the block the clean run kept.
 */
class IncrementalBlockPassTest {

    private TestDatabase.Node node;
    private TwinLedger twin;
    private RunHarness harness;
    /** The first block of every range the runs read from the chain. */
    private final List<Long> rangesReadFrom = new CopyOnWriteArrayList<>();

    @BeforeEach
    void freshNode() throws SQLException {
        node = TestDatabase.freshNode();
        twin = new TwinLedger(node);
        harness = new RunHarness(node, new ForwardingChainReader(twin.chain()) {
            @Override
            public void blocks(long from, long toExclusive, Consumer<ChainBlock> visitor) {
                rangesReadFrom.add(from);
                super.blocks(from, toExclusive, visitor);
            }
        });
        twin.block(b -> b.register("USD"));
        twin.block(b -> b.open("alice", "USD", "DE").open("bob", "USD", "FR"));
        twin.block(b -> b.mint("alice", 1_000));
        twin.block(b -> b.transfer("alice", "bob", 100));
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void the_first_run_verifies_every_block_from_block_0_and_says_why() throws Exception {
        Reconciliation.Summary first = clean(harness.run());

        assertThat(first.blockCoverage()).isEqualTo(BlockCoverage.FULL);
        assertThat(first.coverageReason()).isEqualTo("no clean run to continue from");
        assertThat(first.firstBlock()).isZero();
        assertThat(first.blocksCompared()).isEqualTo(4);
        assertThat(rangesReadFrom).containsExactly(0L);
    }

    @Test
    void a_second_run_reads_only_the_kept_block_and_the_blocks_after_it() throws Exception {
        long firstRun = ((RunOutcome.Clean) harness.run()).runId();
        twin.block(b -> b.transfer("bob", "alice", 7));
        twin.block(b -> b.mint("bob", 5));
        rangesReadFrom.clear();

        RunOutcome.Clean second = (RunOutcome.Clean) harness.run();

        assertThat(second.summary().blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
        assertThat(second.summary().firstBlock()).isEqualTo(4);
        assertThat(second.summary().consistentBlock()).isEqualTo(5);
        assertThat(second.summary().blocksCompared()).isEqualTo(2);
        // Block 3 (kept by the first run) is re-read for its hash; blocks 0 to 2 are not read again.
        assertThat(rangesReadFrom).containsExactly(3L, 4L);
        assertThat(second.summary().accountsCompared()).isEqualTo(2);
        RunView recorded = new BreakReader(node.reader()).run(second.runId()).orElseThrow();
        assertThat(recorded.firstBlock()).isEqualTo(4L);
        assertThat(recorded.blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
        assertThat(recorded.coverageReason()).isNull();
        assertThat(new BreakReader(node.reader()).run(firstRun).orElseThrow().blockCoverage()).isEqualTo(BlockCoverage.FULL);
    }

    @Test
    void a_run_with_no_new_block_verifies_none_and_stays_consistent_at_the_kept_block() throws Exception {
        harness.run();

        Reconciliation.Summary again = clean(harness.run());

        assertThat(again.blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
        assertThat(again.blocksCompared()).isZero();
        assertThat(again.consistentBlock()).isEqualTo(3);
        assertThat(again.firstBlock()).isEqualTo(4);
    }

    @Test
    void a_new_block_the_mirror_recorded_wrongly_is_found_by_the_incremental_pass() throws Exception {
        harness.run();
        twin.block(b -> b.mint("bob", 5));
        tamper("UPDATE mirror.blocks SET data_hash = sha256('forged'::bytea) WHERE number = 4");

        RunOutcome outcome = harness.run();

        assertThat(outcome).isInstanceOf(RunOutcome.BreaksFound.class);
        List<BreakView> breaks = harness.breaks(((RunOutcome.BreaksFound) outcome).runId());
        assertThat(breaks).singleElement().satisfies(found -> {
            assertThat(found.type()).isEqualTo(BreakType.BLOCK_HASH_MISMATCH);
            assertThat(found.blockNumber()).isEqualTo(4);
        });
        assertThat(((RunOutcome.BreaksFound) outcome).summary().blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
    }

    @Test
    void a_run_after_one_with_breaks_continues_from_the_last_clean_run() throws Exception {
        harness.run();
        twin.block(b -> b.mint("bob", 5));
        tamper("UPDATE mirror.blocks SET data_hash = sha256('forged'::bytea) WHERE number = 4");
        harness.run();
        rangesReadFrom.clear();

        harness.run();

        // Block 4 is verified again: the run that found it broken is not one to continue from.
        assertThat(rangesReadFrom).containsExactly(3L, 4L);
    }

    @Test
    void a_kept_hash_the_chain_no_longer_has_is_a_break_and_every_block_is_verified_again() throws Exception {
        long firstRun = ((RunOutcome.Clean) harness.run()).runId();
        // As if the mirror and the runs were kept while the node was pointed at another chain.
        tamper("UPDATE reconciler.runs SET consistent_block_hash = sha256('another chain'::bytea) WHERE id = " + firstRun);
        rangesReadFrom.clear();

        RunOutcome outcome = harness.run();

        RunOutcome.BreaksFound found = (RunOutcome.BreaksFound) outcome;
        assertThat(found.summary().blockCoverage()).isEqualTo(BlockCoverage.FULL);
        assertThat(found.summary().coverageReason()).isEqualTo("block 3 no longer has the header hash run " + firstRun + " verified");
        assertThat(found.summary().firstBlock()).isZero();
        assertThat(rangesReadFrom).containsExactly(3L, 0L);
        BreakView kept = harness.breaks(found.runId()).getFirst();
        assertThat(kept.type()).isEqualTo(BreakType.BLOCK_HASH_MISMATCH);
        assertThat(kept.blockNumber()).isEqualTo(3);
        assertThat(found.summary().breaksFound()).isEqualTo(1);
    }

    @Test
    void after_a_full_verification_that_found_breaks_runs_verify_every_block_until_one_is_clean() throws Exception {
        long firstRun = ((RunOutcome.Clean) harness.run()).runId();
        tamper("UPDATE reconciler.runs SET consistent_block_hash = sha256('another chain'::bytea) WHERE id = " + firstRun);
        long fallback = ((RunOutcome.BreaksFound) harness.run()).runId();
        twin.block(b -> b.mint("bob", 5));

        Reconciliation.Summary again = clean(harness.run());
        Reconciliation.Summary then = clean(harness.run());

        // Not the kept hash of the first run once more (which would make every later run fail the same way).
        assertThat(again.blockCoverage()).isEqualTo(BlockCoverage.FULL);
        assertThat(again.coverageReason()).isEqualTo("the last full verification, run " + fallback + ", found breaks");
        assertThat(again.firstBlock()).isZero();
        assertThat(then.blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
        assertThat(then.firstBlock()).isEqualTo(5);
    }

    @Test
    void a_full_verification_on_demand_reads_every_block_from_block_0() throws Exception {
        harness.run();
        twin.block(b -> b.mint("bob", 5));
        rangesReadFrom.clear();

        Reconciliation.Summary full = clean(harness.runner().runOnce(Trigger.ON_DEMAND, BlockCoverage.FULL));

        assertThat(full.blockCoverage()).isEqualTo(BlockCoverage.FULL);
        assertThat(full.coverageReason()).isEqualTo("full verification requested");
        assertThat(full.blocksCompared()).isEqualTo(5);
        assertThat(rangesReadFrom).containsExactly(0L);
    }

    @Test
    void a_block_altered_in_the_mirror_after_a_clean_run_verified_it_is_found_by_the_next_full_verification() throws Exception {
        harness.run();
        tamper("UPDATE mirror.blocks SET header_hash = sha256('forged'::bytea) WHERE number = 1");

        RunOutcome incremental = harness.run();
        RunOutcome full = harness.runner().runOnce(Trigger.ON_DEMAND, BlockCoverage.FULL);

        // The price of a run that follows the day's work: old blocks are verified again weekly and on demand.
        assertThat(incremental).isInstanceOf(RunOutcome.Clean.class);
        assertThat(full).isInstanceOf(RunOutcome.BreaksFound.class);
        assertThat(harness.breaks(((RunOutcome.BreaksFound) full).runId())).singleElement()
                .satisfies(found -> assertThat(found.blockNumber()).isEqualTo(1));
    }

    @Test
    void a_run_once_the_last_full_verification_is_older_than_fullVerificationEvery_verifies_every_block() throws Exception {
        harness.set("compare.fullVerificationEvery", "P7D");
        Instant now = Instant.now();
        harness.runner(Clock.fixed(now, ZoneOffset.UTC)).runOnce(Trigger.SCHEDULED);
        twin.block(b -> b.mint("bob", 5));

        Reconciliation.Summary sixDaysOn = clean(harness.runner(Clock.fixed(now.plus(Duration.ofDays(6)), ZoneOffset.UTC))
                .runOnce(Trigger.SCHEDULED));
        Reconciliation.Summary eightDaysOn = clean(harness.runner(Clock.fixed(now.plus(Duration.ofDays(8)), ZoneOffset.UTC))
                .runOnce(Trigger.SCHEDULED));
        Reconciliation.Summary nextDay = clean(harness.runner(Clock.fixed(now.plus(Duration.ofDays(9)), ZoneOffset.UTC))
                .runOnce(Trigger.SCHEDULED));

        assertThat(sixDaysOn.blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
        assertThat(eightDaysOn.blockCoverage()).isEqualTo(BlockCoverage.FULL);
        assertThat(eightDaysOn.coverageReason()).isEqualTo("the last full verification is older than PT168H");
        assertThat(eightDaysOn.firstBlock()).isZero();
        assertThat(nextDay.blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
    }

    private static Reconciliation.Summary clean(RunOutcome outcome) {
        assertThat(outcome).isInstanceOf(RunOutcome.Clean.class);
        return ((RunOutcome.Clean) outcome).summary();
    }

    private void tamper(String sql) throws SQLException {
        try (Connection connection = node.superuser(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
