package io.ledgernode.node.explorer;

import io.ledgernode.mirror.Block;
import io.ledgernode.api.Instants;
import java.util.HexFormat;
import java.util.List;

/**
 * Blocks newest first ({@code GET /v1/blocks}): each with its hashes, so a reader sees the chain link (a block's
 * {@code previousHash} is the {@code headerHash} of the one below it). {@code nextBefore} is the {@code before} of the
 * next (older) page, null after block 0.
 */
public record BlocksPage(List<Line> blocks, Long nextBefore, long mirrorHeight) {

    public BlocksPage {
        blocks = List.copyOf(blocks);
    }

    /** One block without its transactions (the block's own page has them). */
    public record Line(long number, String headerHash, String previousHash, String dataHash, int txCount, String observedAt) {

        static Line of(Block block) {
            HexFormat hex = HexFormat.of();
            return new Line(block.number(), hex.formatHex(block.headerHash()), hex.formatHex(block.previousHash()),
                    hex.formatHex(block.dataHash()), block.txCount(), Instants.format(block.observedAt()));
        }
    }
}
