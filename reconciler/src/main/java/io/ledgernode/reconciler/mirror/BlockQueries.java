package io.ledgernode.reconciler.mirror;

import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.MirrorView;
import io.ledgernode.mirror.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The block check's read: one range of block numbers at a time, through the mirror's shared block and transaction
 * queries, bounded by the range and by the transaction counts the blocks themselves state.
 */
final class BlockQueries {

    /**
     * Transaction rows beyond what a range's blocks state that a run reads and reports; a mirror with more is damaged
     * past reporting row by row, and the run stops on it rather than report a cut-short list.
     */
    static final int EXTRA_TRANSACTIONS_MAX = 1_000;

    private BlockQueries() {
    }

    static List<MirrorBlock> read(MirrorView view, long from, long toExclusive) throws SQLException {
        if (toExclusive <= from) {
            return List.of();
        }
        List<Block> blocks = view.blocks(from, toExclusive, Math.toIntExact(toExclusive - from));
        long txCount = blocks.stream().mapToLong(Block::txCount).sum();
        // Room for rows the blocks do not state: a tampered mirror's extra transactions are breaks to report.
        long rowsMax = txCount + EXTRA_TRANSACTIONS_MAX;
        List<Transaction> rows = view.transactionsOfBlocks(from, toExclusive, Math.toIntExact(rowsMax + 1));
        if (rows.size() > rowsMax) {
            throw new SQLException("the mirror has more than " + EXTRA_TRANSACTIONS_MAX + " transaction rows beyond what blocks "
                    + from + " to " + (toExclusive - 1) + " state");
        }
        Map<Long, List<Transaction>> transactions = new TreeMap<>();
        for (Transaction tx : rows) {
            transactions.computeIfAbsent(tx.blockNumber(), n -> new ArrayList<>()).add(tx);
        }
        List<MirrorBlock> read = new ArrayList<>();
        for (Block block : blocks) {
            read.add(new MirrorBlock(block, transactions.getOrDefault(block.number(), List.of())));
        }
        return read;
    }
}
