package io.ledgernode.reconciler.compare;

import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.Subject;
import io.ledgernode.reconciler.chain.ChainBlock;
import io.ledgernode.reconciler.mirror.MirrorBlock;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The blocks up to the chain's height when the pass starts, peer against mirror, in batches: the peer's blocks are
 * hash-chained first (each one's previous hash is the header hash of the one before, so the peer's copy is whole),
 * then each is compared with the mirror's record of it. Blocks the mirror holds beyond the chain's height are extra.
 * The last block compared is the block the run is consistent at.
 *
 * <p>The pass starts at block 0, or (issue 16, 3b) just after the last block a clean run verified: that block is
 * re-read and must still have the header hash the run kept, and the first new block must chain to it, so the cost
 * of a run follows the blocks added since, not the chain's age. A kept hash the chain no longer has is a break, and
 * the pass then verifies every block from block 0.
 */
final class BlockPass {

    /**
     * How many blocks were compared (from {@code firstBlock}), the last one's number and header hash, and how the
     * pass covered the chain ({@code coverageReason}: why it was full; null for an incremental pass).
     */
    record Result(long blocks, long firstBlock, long lastBlock, byte[] lastHash, BlockCoverage coverage,
                  String coverageReason) {
    }

    /** Extra mirror blocks reported at most (one is already a disaster; the rest add nothing). */
    private static final int EXTRA_BLOCKS_REPORTED_MAX = 100;

    private final PassContext run;

    BlockPass(PassContext run) {
        this.run = run;
    }

    Result run(long minHeight, BlockStart start) throws SQLException, InterruptedException {
        long height = Math.max(run.chain().height(), minHeight);
        if (height == 0) {
            throw new IllegalStateException("the chain has no blocks");
        }
        // The mirror must hold every block up to the chain's height before any comparison means anything.
        run.mirrorWait().until(height, () -> run.mirror().blocks(height - 1, height));
        Result result = switch (start) {
            case BlockStart.Genesis genesis -> verify(0, null, height, BlockCoverage.FULL, genesis.reason());
            case BlockStart.After after -> continueAfter(after, height);
        };
        extraBlocks();
        run.sink().flush();
        return result;
    }

    /** The blocks after the kept one, if the chain still has the kept one as it was; otherwise all of them. */
    private Result continueAfter(BlockStart.After after, long height) throws SQLException {
        if (after.block() >= height) {
            String reason = "the chain's height " + height + " is below block " + after.block() + " that run "
                    + after.runId() + " verified";
            run.sink().add(new Break.BlockHashMismatch(after.block(), "header_hash kept by run " + after.runId(), null,
                    HexFormat.of().formatHex(after.headerHash())));
            return verify(0, null, height, BlockCoverage.FULL, reason);
        }
        byte[] onChain = headerHashOf(after.block());
        if (!MessageDigest.isEqual(onChain, after.headerHash())) {
            run.sink().add(Break.BlockHashMismatch.ofHashes(after.block(), "header_hash kept by run " + after.runId(),
                    onChain, after.headerHash()));
            return verify(0, null, height, BlockCoverage.FULL, "block " + after.block() + " no longer has the header hash "
                    + "run " + after.runId() + " verified");
        }
        return verify(after.block() + 1, after.headerHash(), height, BlockCoverage.INCREMENTAL, null);
    }

    private byte[] headerHashOf(long number) {
        byte[][] hash = {null};
        run.chain().blocks(number, number + 1, block -> hash[0] = block.headerHash());
        if (hash[0] == null) {
            throw new IllegalStateException("the peer did not hand over block " + number + " below its height");
        }
        return hash[0];
    }

    /**
     * Blocks {@code from} to {@code height - 1}, the first chained to {@code previousHash} (null from block 0), each
     * compared with the mirror.
     */
    private Result verify(long from, byte[] previousHash, long height, BlockCoverage coverage, String reason)
            throws SQLException {
        List<ChainBlock> batch = new ArrayList<>(run.config().blockBatchSize());
        byte[][] previous = {previousHash};
        SQLException[] failed = {null};
        run.chain().blocks(from, height, block -> {
            if (failed[0] != null) {
                return;
            }
            requireChained(block, previous[0]);
            previous[0] = block.headerHash();
            batch.add(block);
            if (batch.size() >= run.config().blockBatchSize()) {
                failed[0] = compare(batch);
                batch.clear();
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        SQLException last = compare(batch);
        if (last != null) {
            throw last;
        }
        return new Result(height - from, from, height - 1, previous[0], coverage, reason);
    }

    /** Compares a batch with the mirror; a database failure is handed back (the block stream cannot throw it). */
    private SQLException compare(List<ChainBlock> batch) {
        if (batch.isEmpty()) {
            return null;
        }
        long from = batch.get(0).number();
        long to = batch.get(batch.size() - 1).number() + 1;
        try {
            Map<Long, MirrorBlock> stored = new HashMap<>();
            for (MirrorBlock block : run.mirrorWait().until(to, () -> run.mirror().blocks(from, to))) {
                stored.put(block.number(), block);
            }
            for (ChainBlock block : batch) {
                run.sink().addAll(BlockCheck.differences(block, stored.get(block.number())));
            }
            return null;
        } catch (SQLException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SQLException("interrupted while comparing blocks", e);
        }
    }

    /** The mirror cannot be ahead of the chain: blocks it holds at or above the chain's height (read after) are extra. */
    private void extraBlocks() throws SQLException {
        long height = run.chain().height();
        for (long number : run.mirror().blocksFrom(height, EXTRA_BLOCKS_REPORTED_MAX)) {
            run.sink().add(new Break.ExtraInMirror(new Subject.Block(number), number, null, "block " + number,
                    "the mirror holds block " + number + " but the chain's height is " + height));
        }
    }

    private static void requireChained(ChainBlock block, byte[] previousHeaderHash) {
        if (previousHeaderHash != null && !MessageDigest.isEqual(previousHeaderHash, block.previousHash())) {
            throw new IllegalStateException("the peer's block " + block.number() + " names previous hash "
                    + HexFormat.of().formatHex(block.previousHash()) + ", not the hash of its block " + (block.number() - 1));
        }
    }
}
