package io.ledgernode.reconciler.compare;

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
 * Every block from 0 up to the chain's height when the pass starts, peer against mirror, in batches: the peer's
 * blocks are hash-chained first (each one's previous hash is the header hash of the one before, so the peer's copy
 * is whole), then each is compared with the mirror's record of it. Blocks the mirror holds beyond the chain's height
 * are extra. The last block compared is the block the run is consistent at.
 */
final class BlockPass {

    /** How many blocks were compared, and the last one's number and header hash. */
    record Result(long blocks, long lastBlock, byte[] lastHash) {
    }

    /** Extra mirror blocks reported at most (one is already a disaster; the rest add nothing). */
    private static final int EXTRA_BLOCKS_REPORTED_MAX = 100;

    private final PassContext run;

    BlockPass(PassContext run) {
        this.run = run;
    }

    Result run(long minHeight) throws SQLException, InterruptedException {
        long height = Math.max(run.chain().height(), minHeight);
        if (height == 0) {
            throw new IllegalStateException("the chain has no blocks");
        }
        // The mirror must hold every block up to the chain's height before any comparison means anything.
        run.mirrorWait().until(height, () -> run.mirror().blocks(height - 1, height));
        List<ChainBlock> batch = new ArrayList<>(run.config().blockBatchSize());
        byte[][] previous = {null};
        SQLException[] failed = {null};
        run.chain().blocks(0, height, block -> {
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
        extraBlocks();
        run.sink().flush();
        return new Result(height, height - 1, previous[0]);
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
