-- The mirror: the chain's blocks, transactions and ledger effects, and the state they add up to.
-- Owned and written only by sync-bridge; node-service, the reconciler and analysts read it (role ledger_reader).
-- Amounts are integer minor units (BIGINT, the chaincode's 64-bit range); block numbers are Fabric's unsigned
-- 64-bit numbers, held as BIGINT (a channel will not reach 2^63 blocks).

CREATE SCHEMA IF NOT EXISTS mirror;
CREATE SCHEMA IF NOT EXISTS bridge;

CREATE TABLE mirror.blocks (
    number          BIGINT PRIMARY KEY CHECK (number >= 0),
    header_hash     BYTEA NOT NULL CHECK (length(header_hash) = 32),
    previous_hash   BYTEA NOT NULL,
    data_hash       BYTEA NOT NULL CHECK (length(data_hash) = 32),
    tx_count        INTEGER NOT NULL CHECK (tx_count >= 0),
    observed_at     TIMESTAMPTZ NOT NULL,   -- when the bridge received the block from its peer
    mirrored_at     TIMESTAMPTZ NOT NULL    -- when the mirror committed it
);

CREATE TABLE mirror.transactions (
    block_number    BIGINT NOT NULL REFERENCES mirror.blocks (number),
    tx_index        INTEGER NOT NULL CHECK (tx_index >= 0),
    tx_id           TEXT NOT NULL,          -- not unique on its own: Fabric records DUPLICATE_TXID envelopes too
    header_type     TEXT NOT NULL,
    validation_code TEXT NOT NULL,          -- VALID, or the exact reason it is invalid (e.g. MVCC_READ_CONFLICT)
    creator_msp     TEXT,
    chaincode       TEXT,
    function        TEXT,
    tx_timestamp    TIMESTAMPTZ NOT NULL,
    event_name      TEXT,
    PRIMARY KEY (block_number, tx_index)
);
CREATE INDEX transactions_tx_id ON mirror.transactions (tx_id);

CREATE TABLE mirror.assets (
    code            TEXT PRIMARY KEY,
    decimals        SMALLINT NOT NULL,
    supply          BIGINT NOT NULL DEFAULT 0 CHECK (supply >= 0),
    block_number    BIGINT NOT NULL,
    tx_id           TEXT NOT NULL
);

CREATE TABLE mirror.accounts (
    id              TEXT PRIMARY KEY,
    asset           TEXT NOT NULL REFERENCES mirror.assets (code),
    custodian_msp   TEXT NOT NULL,
    owner_ref       TEXT NOT NULL,
    jurisdiction    TEXT NOT NULL,
    status          TEXT NOT NULL,
    per_transfer_max BIGINT,
    daily_debit_max BIGINT,
    balance         BIGINT NOT NULL DEFAULT 0 CHECK (balance >= 0),
    held            BIGINT NOT NULL DEFAULT 0 CHECK (held >= 0),
    opened_block    BIGINT NOT NULL,
    updated_block   BIGINT NOT NULL
);
CREATE INDEX accounts_jurisdiction ON mirror.accounts (jurisdiction);
CREATE INDEX accounts_custodian ON mirror.accounts (custodian_msp);

-- One row per balance effect of a valid transaction, in the chaincode's order.
CREATE TABLE mirror.entries (
    block_number    BIGINT NOT NULL,
    tx_index        INTEGER NOT NULL,
    entry_index     INTEGER NOT NULL,
    tx_id           TEXT NOT NULL,
    account_id      TEXT NOT NULL REFERENCES mirror.accounts (id),
    asset           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('MINT', 'BURN', 'DEBIT', 'CREDIT', 'HOLD', 'HOLD_RELEASE', 'HOLD_CAPTURE')),
    amount          BIGINT NOT NULL CHECK (amount > 0),
    hold_id         TEXT,
    tx_timestamp    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (block_number, tx_index, entry_index),
    FOREIGN KEY (block_number, tx_index) REFERENCES mirror.transactions (block_number, tx_index)
);
CREATE INDEX entries_account ON mirror.entries (account_id, block_number, tx_index, entry_index);

CREATE TABLE mirror.holds (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES mirror.accounts (id),
    asset           TEXT NOT NULL,
    amount          BIGINT NOT NULL CHECK (amount > 0),
    payee           TEXT,
    expires_at      TIMESTAMPTZ NOT NULL,
    status          TEXT NOT NULL,
    placed_tx_id    TEXT NOT NULL,
    placed_block    BIGINT NOT NULL,
    closed_tx_id    TEXT,
    closed_block    BIGINT
);
CREATE INDEX holds_open ON mirror.holds (account_id) WHERE status = 'OPEN';

-- Where the bridge is: the next block it expects. Written in the same transaction as the rows of every block.
CREATE TABLE bridge.checkpoint (
    id              SMALLINT PRIMARY KEY CHECK (id = 1),
    channel         TEXT NOT NULL,
    next_block      BIGINT NOT NULL CHECK (next_block >= 0),
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Why the bridge stopped, when it stopped on something it must not guess about.
CREATE TABLE bridge.errors (
    id              BIGSERIAL PRIMARY KEY,
    block_number    BIGINT,
    kind            TEXT NOT NULL,
    message         TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Read-only access for node-service, the reconciler and analysts, where the role exists (the embedded server
-- creates it; on an external server the DBA may).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reader') THEN
        GRANT USAGE ON SCHEMA mirror TO ledger_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA mirror TO ledger_reader;
        GRANT USAGE ON SCHEMA bridge TO ledger_reader;
        GRANT SELECT ON bridge.checkpoint, bridge.errors TO ledger_reader;
    END IF;
END
$$;
