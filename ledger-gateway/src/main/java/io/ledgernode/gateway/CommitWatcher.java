package io.ledgernode.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The commit status of the transactions a process submits, read from ONE stream of filtered blocks from its gateway
 * peer instead of one signed CommitStatus call per transaction. A transaction then costs its submitter two ECDSA
 * signatures (proposal and envelope) instead of three, and its gateway peer one signature check and one waiting call
 * fewer: the signatures were half of node-service's CPU per transfer.
 *
 * <p>Never the only source of truth: {@link #await} answers only from a stream that has delivered a block since it
 * was (re)opened, and only within its wait; otherwise the caller asks for the status the usual way (signed
 * CommitStatus), so an outage of the stream costs speed, never a status. The stream resumes after the last block it
 * delivered, so a block committed while it was down is still seen.
 */
public final class CommitWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommitWatcher.class.getName());
    /** "From the newest block": where the stream starts before it has delivered any. */
    static final long NEWEST = -1;

    /** How a transaction's block said it ended. */
    public record Status(long blockNumber, TxValidationCode code) {
        public Status {
            Objects.requireNonNull(code, "code");
        }
    }

    private final LongFunction<CloseableIterator<FilteredBlock>> open;
    private final Duration retryPause;
    private final ConcurrentMap<String, CompletableFuture<Status>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong fromEvents = new AtomicLong();
    private final Thread reader;
    private volatile boolean delivering;
    private volatile boolean closed;
    private volatile CloseableIterator<FilteredBlock> stream;
    private long nextBlock = NEWEST;

    /**
     * @param open opens the stream from a block number, or from the newest block for {@link #NEWEST}
     * @param retryPause the pause before opening the stream again after it failed
     */
    CommitWatcher(LongFunction<CloseableIterator<FilteredBlock>> open, Duration retryPause) {
        this.open = Objects.requireNonNull(open, "open");
        this.retryPause = Objects.requireNonNull(retryPause, "retryPause");
        this.reader = Thread.ofPlatform().daemon().name("commit-watcher").unstarted(this::follow);
    }

    /** Starts following {@code network}'s filtered blocks (signed once per stream, by the connection's identity). */
    public static CommitWatcher start(Network network, Duration retryPause) {
        CommitWatcher watcher = new CommitWatcher(from -> from == NEWEST ? network.getFilteredBlockEvents()
                : network.newFilteredBlockEventsRequest().startBlock(from).build().getEvents(), retryPause);
        watcher.reader.start();
        return watcher;
    }

    /** Starts the reader of a watcher made with its own stream (tests). */
    CommitWatcher started() {
        reader.start();
        return this;
    }

    /** Registers {@code txId}: call before the transaction can commit (before sending it to the orderer). */
    public void expect(String txId) {
        waiting.putIfAbsent(txId, new CompletableFuture<>());
    }

    /**
     * The status of {@code txId} (registered with {@link #expect}) from the stream, waiting up to {@code waitMax};
     * empty when the stream is not delivering, or the wait ran out: then ask the gateway for it, or wait again (a
     * transaction handed to the ordering service again is still watched). Forgets the id once it has its status;
     * otherwise {@link #forget} does.
     */
    public Optional<Status> await(String txId, Duration waitMax) {
        CompletableFuture<Status> status = waiting.get(txId);
        try {
            if (status == null) {
                return Optional.empty();
            }
            if (!status.isDone() && !delivering) {
                return Optional.empty();
            }
            Status seen = status.get(waitMax.toNanos(), TimeUnit.NANOSECONDS);
            fromEvents.incrementAndGet();
            waiting.remove(txId);
            return Optional.of(seen);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Forgets {@code txId} (its submitter no longer waits for it); nothing when already forgotten. */
    public void forget(String txId) {
        waiting.remove(txId);
    }

    /** How many transactions are registered and not yet forgotten. */
    int waitingCount() {
        return waiting.size();
    }

    /** How many statuses came from the stream so far. */
    public long fromEvents() {
        return fromEvents.get();
    }

    /** Whether the stream has delivered a block since it was last (re)opened. */
    public boolean delivering() {
        return delivering;
    }

    private void follow() {
        while (!closed) {
            try (CloseableIterator<FilteredBlock> blocks = open.apply(nextBlock)) {
                stream = blocks;
                while (!closed && blocks.hasNext()) {
                    FilteredBlock block = blocks.next();
                    for (FilteredTransaction tx : block.getFilteredTransactionsList()) {
                        CompletableFuture<Status> status = waiting.get(tx.getTxid());
                        if (status != null) {
                            // The first record of an id is its outcome; a later DUPLICATE_TXID record changes nothing.
                            status.complete(new Status(block.getNumber(), tx.getTxValidationCode()));
                        }
                    }
                    nextBlock = block.getNumber() + 1;
                    delivering = true;
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "the filtered-block stream failed ({0}); statuses come from "
                            + "CommitStatus until it delivers again from block {1}", e.getMessage(),
                            nextBlock == NEWEST ? "the newest" : Long.toString(nextBlock));
                }
            } finally {
                delivering = false;
                stream = null;
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        CloseableIterator<FilteredBlock> current = stream;
        if (current != null) {
            current.close();
        }
        reader.interrupt();
    }
}
