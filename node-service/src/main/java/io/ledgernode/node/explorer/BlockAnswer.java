package io.ledgernode.node.explorer;

import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.api.Instants;
import java.util.HexFormat;
import java.util.List;

/** A block as the API answers it (REST as JSON, gRPC as {@code Block}): hashes in lowercase hex, its transactions. */
public record BlockAnswer(long number, String headerHash, String previousHash, String dataHash, int txCount, String observedAt,
        List<Line> transactions, long mirrorHeight) {

    public BlockAnswer {
        transactions = List.copyOf(transactions);
    }

    /** One transaction of the block. */
    public record Line(int txIndex, String txId, String validationCode, String creatorMsp, String function) {

        static Line of(Transaction tx) {
            return new Line(tx.txIndex(), tx.txId(), tx.validationCode(), tx.creatorMsp(), tx.function());
        }
    }

    static BlockAnswer of(Block block, List<Transaction> transactions, long mirrorHeight) {
        HexFormat hex = HexFormat.of();
        return new BlockAnswer(block.number(), hex.formatHex(block.headerHash()), hex.formatHex(block.previousHash()),
                hex.formatHex(block.dataHash()), block.txCount(), Instants.format(block.observedAt()),
                transactions.stream().map(Line::of).toList(), mirrorHeight);
    }
}
