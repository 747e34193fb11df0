-- Issue 16 (3b): a run's block pass continues from the last block a clean run verified, so each run records which
-- blocks it verified. first_block: the first block the pass read (consistent_block + 1 when no block was new);
-- block_coverage: FULL (from block 0) or INCREMENTAL (chained to the header hash the clean run kept);
-- block_coverage_reason: why a pass was FULL (requested, due by schedule, no clean run to continue, or the kept hash
-- no longer matching the chain).
ALTER TABLE reconciler.runs
    ADD COLUMN first_block BIGINT CHECK (first_block >= 0),
    ADD COLUMN block_coverage TEXT CHECK (block_coverage IN ('FULL', 'INCREMENTAL')),
    ADD COLUMN block_coverage_reason TEXT;

-- Every run before this one read every block from block 0.
UPDATE reconciler.runs SET first_block = 0, block_coverage = 'FULL', block_coverage_reason = 'before incremental runs'
    WHERE status = 'COMPLETED';

ALTER TABLE reconciler.runs
    ADD CONSTRAINT runs_completed_coverage CHECK (status <> 'COMPLETED' OR (first_block IS NOT NULL AND block_coverage IS NOT NULL)),
    ADD CONSTRAINT runs_first_block CHECK (first_block IS NULL OR first_block <= consistent_block + 1);
