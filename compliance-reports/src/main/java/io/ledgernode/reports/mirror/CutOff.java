package io.ledgernode.reports.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * The block a report is pinned to. {@code chainTime} is the latest transaction timestamp in that block: a time taken
 * from the chain itself (never from the bridge's clock, which differs between a live and a rebuilt mirror), so it
 * may stand in reports that must come out byte for byte the same; the epoch for a block without transactions.
 */
public record CutOff(long blockNumber, String headerHashHex, Instant chainTime) {

    public CutOff {
        if (blockNumber < 0) {
            throw new IllegalArgumentException("block number is negative: " + blockNumber);
        }
        Objects.requireNonNull(headerHashHex, "headerHashHex");
        Objects.requireNonNull(chainTime, "chainTime");
    }
}
