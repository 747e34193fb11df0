package io.ledgernode.mirror.reconciliation;

import java.time.Instant;
import java.util.Objects;

/**
 * One run as recorded. {@code finishedAt} is null while it runs; {@code consistentBlock} and
 * {@code consistentBlockHash} (lowercase hex) are set once it completed: the last block it verified, every account and
 * asset compared at a height no later than the block after it. {@code failure} is set when it failed.
 *
 * <p>{@code firstBlock}, {@code blockCoverage} and {@code coverageReason} are set once it completed: the block pass
 * verified blocks {@code firstBlock} to {@code consistentBlock} ({@code firstBlock} is one past it when no block was
 * new), from block 0 or continuing a clean run, and why a full pass was chosen (null for an incremental one).
 */
public record RunView(long id, Trigger trigger, RunStatus status, Instant startedAt, Instant finishedAt,
                      Long consistentBlock, String consistentBlockHash, long accountsCompared, long assetsCompared,
                      long blocksCompared, long breaksFound, String failure, String runner, Long firstBlock,
                      BlockCoverage blockCoverage, String coverageReason) {

    public RunView {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(runner, "runner");
    }
}
