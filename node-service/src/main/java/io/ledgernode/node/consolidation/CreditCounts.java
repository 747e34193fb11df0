package io.ledgernode.node.consolidation;

import java.util.Map;

/** Where the job learns which accounts received credits: the mirror, one window of blocks at a time. */
@FunctionalInterface
public interface CreditCounts {

    /**
     * The credits each of the custodian's accounts received in blocks {@code [fromBlock, end)}, {@code end} being at
     * most {@code fromBlock + blocksMax} and at most the mirror's height; accounts without any are absent.
     */
    Window read(long fromBlock, int blocksMax);

    /** The counted blocks end before {@code endBlock}; {@code credits} by account id. */
    record Window(long endBlock, Map<String, Long> credits) {
        public Window {
            credits = Map.copyOf(credits);
        }
    }
}
