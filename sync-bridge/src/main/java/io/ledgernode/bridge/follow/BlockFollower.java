package io.ledgernode.bridge.follow;

import io.ledgernode.blocks.BlockParseException;
import io.ledgernode.blocks.BlockParser;
import io.ledgernode.blocks.ParsedBlock;
import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.bridge.health.BridgeMetrics;
import io.ledgernode.bridge.mirror.BlockApplier;
import io.ledgernode.bridge.mirror.MirrorFault;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Follows the channel from the checkpoint until stopped or until a fault it must not guess about. The position is
 * never kept in memory across reconnects: every (re)connection starts at the checkpoint read from the mirror.
 */
public final class BlockFollower {

    private static final Logger LOG = Logger.getLogger(BlockFollower.class.getName());

    private final BridgeConfig config;
    private final NetworkProfile profile;
    private final BlockApplier applier;
    private final LongSupplier checkpoint;
    private final BridgeMetrics metrics;
    private final WriterGuard writerGuard;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean following = new AtomicBoolean();
    private volatile CloseableIterator<Block> current;
    private volatile long stopAtHeight = -1;

    /** Checks, before every block, that this process still holds the mirror's writer lock. */
    @FunctionalInterface
    public interface WriterGuard {
        void requireWriter(long blockNumber) throws SQLException, MirrorFault;
    }

    public BlockFollower(BridgeConfig config, NetworkProfile profile, BlockApplier applier, LongSupplier checkpoint,
                         BridgeMetrics metrics, WriterGuard writerGuard) {
        this.config = config;
        this.profile = profile;
        this.applier = applier;
        this.checkpoint = checkpoint;
        this.metrics = metrics;
        this.writerGuard = writerGuard;
    }

    /** Makes {@link #run()} return once the mirror holds every block below {@code height} (for rebuilds). */
    public void stopAtHeight(long height) {
        this.stopAtHeight = height;
    }

    /** Runs until {@link #stop()} (returns normally) or a fault (recorded in bridge.errors, then thrown). */
    public void run() throws MirrorFault {
        Backoff backoff = new Backoff(config.reconnect().backoffInitial(), config.reconnect().backoffMax());
        while (!stopping.get()) {
            long next = checkpoint.getAsLong();
            metrics.resumedAt(next);
            if (stopAtHeight >= 0 && next >= stopAtHeight) {
                return;
            }
            try (LedgerConnection connection = LedgerConnection.open(profile, config.network().org(), config.network().identity(),
                    GatewayTimeouts.defaults());
                 CloseableIterator<Block> blocks = connection.network().newBlockEventsRequest().startBlock(next).build().getEvents()) {
                current = blocks;
                following.set(true);
                LOG.info(() -> "following channel " + profile.channel() + " from block " + Long.toUnsignedString(next));
                while (!stopping.get() && blocks.hasNext()) {
                    long applied = applyUntilDone(blocks.next(), backoff);
                    backoff.reset();
                    if (stopAtHeight >= 0 && applied + 1 >= stopAtHeight) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                following.set(false);
                if (stopping.get()) {
                    break;
                }
                metrics.reconnected();
                LOG.warning("lost the peer (" + firstLine(e) + "); reconnecting from the checkpoint in " + backoff.current());
                if (!backoff.pause()) {
                    break;
                }
            } finally {
                following.set(false);
                current = null;
            }
        }
    }

    /** Parses and applies one block, waiting out database outages; faults are recorded and thrown. */
    private long applyUntilDone(Block block, Backoff backoff) throws MirrorFault {
        Instant observedAt = Instant.now();
        ParsedBlock parsed;
        try {
            parsed = BlockParser.parse(block);
        } catch (BlockParseException e) {
            throw fault(new MirrorFault(MirrorFault.Kind.UNPARSEABLE_BLOCK, e.blockNumber(), e.getMessage(), e));
        }
        while (true) {
            try {
                writerGuard.requireWriter(parsed.number());
                BlockApplier.Applied applied = applier.apply(parsed, observedAt);
                if (applied.outcome() == BlockApplier.Outcome.APPLIED) {
                    metrics.applied(applied.blockNumber(), applied.rows(), observedAt, applied.mirroredAt());
                }
                return applied.blockNumber();
            } catch (MirrorFault e) {
                throw fault(e);
            } catch (SQLException e) {
                if (!Failures.transientDatabaseError(e)) {
                    throw fault(new MirrorFault(MirrorFault.Kind.UNKNOWN_EVENT, parsed.number(),
                            "the mirror refused the block: " + firstLine(e), e));
                }
                metrics.reconnected();
                LOG.warning("database unavailable (" + firstLine(e) + "); retrying block " + parsed.number() + " in " + backoff.current());
                if (!backoff.pause()) {
                    throw new IllegalStateException("interrupted while waiting for the database");
                }
            }
        }
    }

    private MirrorFault fault(MirrorFault fault) {
        metrics.faulted();
        applier.recordFault(fault);
        return fault;
    }

    public boolean following() {
        return following.get();
    }

    /** Stops following: the current block, if any, finishes or rolls back; nothing half-written remains. */
    public void stop() {
        stopping.set(true);
        CloseableIterator<Block> blocks = current;
        if (blocks != null) {
            blocks.close();
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
