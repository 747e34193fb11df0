-- The reconciler's own tables: one row per run and one per break found. Written only by the reconciler (role
-- ledger_reconciler); read by node-service, operators and auditors (role ledger_reader). Amounts and hashes are kept
-- as each side states them, as text (integer minor units, lowercase hex), beside their typed subject.

CREATE TABLE reconciler.runs (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger                 TEXT NOT NULL CHECK (trigger IN ('SCHEDULED', 'ON_DEMAND')),
    status                  TEXT NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at              TIMESTAMPTZ NOT NULL,
    finished_at             TIMESTAMPTZ,
    -- The last block the run verified: every block up to it hash-chained and equal in the mirror, and every
    -- account and asset compared at a height no later than the block after it.
    consistent_block        BIGINT CHECK (consistent_block >= 0),
    consistent_block_hash   BYTEA CHECK (length(consistent_block_hash) = 32),
    accounts_compared       BIGINT NOT NULL DEFAULT 0 CHECK (accounts_compared >= 0),
    assets_compared         BIGINT NOT NULL DEFAULT 0 CHECK (assets_compared >= 0),
    blocks_compared         BIGINT NOT NULL DEFAULT 0 CHECK (blocks_compared >= 0),
    breaks_found            BIGINT NOT NULL DEFAULT 0 CHECK (breaks_found >= 0),
    failure                 TEXT,
    -- Which process ran it (host and pid), for operators.
    runner                  TEXT NOT NULL,
    CHECK ((status = 'RUNNING') = (finished_at IS NULL)),
    CHECK ((status = 'FAILED') = (failure IS NOT NULL)),
    CHECK (status <> 'COMPLETED' OR consistent_block IS NOT NULL)
);

CREATE TABLE reconciler.breaks (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id          BIGINT NOT NULL REFERENCES reconciler.runs (id),
    type            TEXT NOT NULL CHECK (type IN ('MISSING_IN_MIRROR', 'EXTRA_IN_MIRROR', 'AMOUNT_MISMATCH',
                                                  'HOLD_MISMATCH', 'BLOCK_HASH_MISMATCH', 'SUPPLY_MISMATCH')),
    -- What differs: an account, an asset, a block, or one transaction of a block.
    subject         TEXT NOT NULL CHECK (subject IN ('ACCOUNT', 'ASSET', 'BLOCK', 'TRANSACTION')),
    account_id      TEXT,
    jurisdiction    TEXT,
    asset           TEXT,
    tx_id           TEXT,
    -- The block the comparison stands at: for a block or transaction, that block; for an account or asset, the
    -- last block of the state compared.
    block_number    BIGINT NOT NULL CHECK (block_number >= 0),
    chain_value     TEXT,
    mirror_value    TEXT,
    detail          TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((subject = 'ACCOUNT') = (account_id IS NOT NULL))
);
CREATE INDEX breaks_run ON reconciler.breaks (run_id, id);

-- Read-only access for node-service, operators and auditors, where the role exists (the embedded server creates
-- it; on an external server the DBA may).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reader') THEN
        GRANT USAGE ON SCHEMA reconciler TO ledger_reader;
        GRANT SELECT ON reconciler.runs, reconciler.breaks TO ledger_reader;
    END IF;
END
$$;
