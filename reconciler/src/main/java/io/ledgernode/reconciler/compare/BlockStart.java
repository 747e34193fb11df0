package io.ledgernode.reconciler.compare;

import java.util.Objects;

/**
 * Where a run's block pass starts: at block 0, or just after the last block a clean run verified, whose header hash
 * that run kept. The runner chooses; the pass falls back to block 0 when the kept block's hash is no longer the
 * chain's (the mirror rebuilt from another chain, the peer's history rewritten), and says so.
 */
public sealed interface BlockStart {

    /** Every block from block 0, for {@code reason} (one line, recorded with the run). */
    record Genesis(String reason) implements BlockStart {
        public Genesis {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The blocks after {@code block}, which run {@code runId} verified with header hash {@code headerHash}: the pass
     * re-reads that block and requires the same hash before it trusts everything up to it.
     */
    record After(long runId, long block, byte[] headerHash) implements BlockStart {
        public After {
            if (block < 0) {
                throw new IllegalArgumentException("block must not be negative, got " + block);
            }
            if (headerHash.length != 32) {
                throw new IllegalArgumentException("a header hash has 32 bytes, got " + headerHash.length);
            }
            headerHash = headerHash.clone();
        }

        @Override
        public byte[] headerHash() {
            return headerHash.clone();
        }
    }
}
