package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Every stream the watcher opened, by the block it asked to start from, fed by the test. */
    private final List<Long> openedFrom = new CopyOnWriteArrayList<>();
    private final List<FakeStream> streams = new CopyOnWriteArrayList<>();
    private final CommitWatcher watcher = new CommitWatcher(from -> {
        openedFrom.add(from);
        FakeStream stream = new FakeStream();
        streams.add(stream);
        return stream;
    }, Duration.ofMillis(10)).started();

    @AfterEach
    void close() {
        watcher.close();
    }

    @Test
    void a_status_comes_from_the_first_block_that_records_the_transaction() throws Exception {
        stream(0).deliver(block(6));
        awaitDelivering();
        watcher.expect("tx-a");
        watcher.expect("tx-b");
        stream(0).deliver(block(7, tx("other", TxValidationCode.VALID), tx("tx-a", TxValidationCode.VALID),
                tx("tx-b", TxValidationCode.MVCC_READ_CONFLICT)));
        stream(0).deliver(block(8, tx("tx-a", TxValidationCode.DUPLICATE_TXID)));

        assertThat(watcher.await("tx-a", WAIT)).contains(new CommitWatcher.Status(7, TxValidationCode.VALID));
        assertThat(watcher.await("tx-b", WAIT)).contains(new CommitWatcher.Status(7, TxValidationCode.MVCC_READ_CONFLICT));
        assertThat(watcher.fromEvents()).isEqualTo(2);
        assertThat(openedFrom).containsExactly(CommitWatcher.NEWEST);
    }

    @Test
    void before_the_stream_has_delivered_a_block_the_caller_is_sent_to_commit_status_at_once() {
        watcher.expect("tx-a");

        long start = System.nanoTime();
        assertThat(watcher.await("tx-a", WAIT)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    }

    @Test
    void a_status_that_does_not_come_within_the_wait_is_left_to_commit_status() {
        stream(0).deliver(block(3));
        awaitDelivering();
        watcher.expect("tx-late");

        assertThat(watcher.await("tx-late", Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void a_transaction_whose_wait_ran_out_is_still_watched_for_the_next_wait() {
        stream(0).deliver(block(3));
        awaitDelivering();
        watcher.expect("tx-reordered");
        assertThat(watcher.await("tx-reordered", Duration.ofMillis(50))).isEmpty();

        // Handed to the ordering service again, it commits: the next wait sees it.
        stream(0).deliver(block(4, tx("tx-reordered", TxValidationCode.VALID)));

        assertThat(watcher.await("tx-reordered", WAIT)).contains(new CommitWatcher.Status(4, TxValidationCode.VALID));
        assertThat(watcher.waitingCount()).isZero();
    }

    @Test
    void after_the_stream_fails_it_resumes_after_the_last_block_it_delivered_and_no_status_is_missed() throws Exception {
        stream(0).deliver(block(41));
        awaitDelivering();
        watcher.expect("tx-during-outage");
        stream(0).fail();
        // The block that records it is delivered by the reopened stream, which starts after block 41.
        stream(1).deliver(block(42, tx("tx-during-outage", TxValidationCode.VALID)));
        awaitDelivering();

        assertThat(watcher.await("tx-during-outage", WAIT)).contains(new CommitWatcher.Status(42, TxValidationCode.VALID));
        assertThat(openedFrom).startsWith(CommitWatcher.NEWEST, 42L);
    }

    @Test
    void a_transaction_is_held_only_while_its_submitter_waits_for_it() {
        stream(0).deliver(block(1));
        awaitDelivering();
        watcher.expect("tx-given-up");
        watcher.expect("tx-awaited");
        stream(0).deliver(block(2, tx("tx-awaited", TxValidationCode.VALID)));

        watcher.forget("tx-given-up");
        assertThat(watcher.await("tx-awaited", WAIT)).isPresent();
        assertThat(watcher.waitingCount()).isZero();
    }

    private FakeStream stream(int index) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watcher did not open stream " + index);
            }
            Thread.onSpinWait();
        }
        return streams.get(index);
    }

    private void awaitDelivering() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!watcher.delivering()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watcher never saw a block");
            }
            Thread.onSpinWait();
        }
    }

    private static FilteredBlock block(long number, FilteredTransaction... transactions) {
        return FilteredBlock.newBuilder().setChannelId("ledger").setNumber(number).addAllFilteredTransactions(List.of(transactions))
                .build();
    }

    private static FilteredTransaction tx(String id, TxValidationCode code) {
        return FilteredTransaction.newBuilder().setTxid(id).setTxValidationCode(code).build();
    }

    /** A stream the test feeds: blocks in order, then perhaps a failure. */
    private static final class FakeStream implements CloseableIterator<FilteredBlock> {
        private static final FilteredBlock FAILURE = FilteredBlock.newBuilder().setNumber(-1).build();
        private final BlockingQueue<FilteredBlock> blocks = new LinkedBlockingQueue<>();
        private FilteredBlock next;

        void deliver(FilteredBlock block) {
            blocks.add(block);
        }

        void fail() {
            blocks.add(FAILURE);
        }

        @Override
        public boolean hasNext() {
            try {
                next = blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("closed");
            }
            if (next == FAILURE) {
                throw new IllegalStateException("UNAVAILABLE: the peer went away");
            }
            return true;
        }

        @Override
        public FilteredBlock next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            FilteredBlock block = next;
            next = null;
            return block;
        }

        @Override
        public void close() {
        }
    }
}
