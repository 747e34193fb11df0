package io.ledgernode.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * The row of {@link MirrorTables#CHECKPOINT}: where the bridge is. It commits in the same transaction as the rows of
 * every block, so every block below {@code nextBlock} is in the mirror and none at or above it.
 *
 * @param channel the channel the mirror follows
 * @param nextBlock the next block the bridge expects (the mirror's height)
 * @param updatedAt when it last moved
 */
public record Checkpoint(String channel, long nextBlock, Instant updatedAt) {

    public Checkpoint {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (nextBlock < 0) {
            throw new IllegalArgumentException("checkpoint at " + nextBlock);
        }
    }
}
