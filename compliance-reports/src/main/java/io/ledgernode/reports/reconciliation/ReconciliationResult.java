package io.ledgernode.reports.reconciliation;

import io.ledgernode.mirror.reconciliation.BreakType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one reconciliation run found, as the reconciler hands it to the report writer: the block height the run is
 * consistent at (with that block's header hash), what it compared, and every break.
 */
public record ReconciliationResult(
        long runId,
        long consistentAtBlock,
        byte[] consistentAtBlockHash,
        Instant startedAt,
        Instant finishedAt,
        long accountsCompared,
        long assetsCompared,
        long blocksCompared,
        List<Break> breaks) {

    public ReconciliationResult {
        Objects.requireNonNull(consistentAtBlockHash, "consistentAtBlockHash");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        consistentAtBlockHash = consistentAtBlockHash.clone();
        breaks = List.copyOf(breaks);
    }

    @Override
    public byte[] consistentAtBlockHash() {
        return consistentAtBlockHash.clone();
    }

    /**
     * One difference. {@code account} and {@code asset} are null where they do not apply (a block hash break has
     * neither; a supply break has only the asset). Values are as each side states them (amounts as integer minor
     * units, hashes as hex), null when that side has nothing.
     */
    public record Break(BreakType type, String account, String jurisdiction, String asset, String chainValue,
            String mirrorValue, long blockNumber) {

        public Break {
            Objects.requireNonNull(type, "type");
        }
    }
}
