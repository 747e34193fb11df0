-- Webhook subscriptions of node-service's callers: owned and written by node-service alone (role ledger_node).
-- Each subscription delivers the committed ledger entries its owner may see, in chain order, at least once; its
-- position (the last entry delivered) advances only after the receiver's 2xx, in the same transaction as nothing
-- else, so a node stopped at any moment delivers the next entry again with the same webhook-id.

CREATE TABLE subscriptions (
    id                  TEXT PRIMARY KEY,
    owner_issuer        TEXT NOT NULL,
    owner_subject       TEXT NOT NULL,
    idempotency_key     TEXT NOT NULL,
    url                 TEXT NOT NULL,
    event_kinds         TEXT[] NOT NULL,
    -- The accounts whose entries it delivers (null: every account the owner's scope covers), and the jurisdiction
    -- it is limited to (a regulator's; null: none), both fixed from the owner's token when it was created.
    accounts            TEXT[],
    jurisdiction        TEXT,
    secret              TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    created_at          TIMESTAMPTZ NOT NULL,
    -- The position of the last entry delivered (or dead-lettered): (block, tx, entry); (-1, 0, 0) before any.
    after_block         BIGINT NOT NULL,
    after_tx            INTEGER NOT NULL,
    after_entry         INTEGER NOT NULL,
    delivered           BIGINT NOT NULL DEFAULT 0,
    -- The id of the last compliance alert delivered (for a subscription to ALERT): alerts go in their own order.
    alerts_after        BIGINT NOT NULL DEFAULT 0,
    -- The entry after the position while its delivery keeps failing: since when, how often, what was said.
    failing_since       TIMESTAMPTZ,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,
    last_error          TEXT,
    UNIQUE (owner_issuer, owner_subject, idempotency_key)
);
CREATE INDEX subscriptions_owner ON subscriptions (owner_issuer, owner_subject, id);

-- Entries (and alerts) a subscription gave up on after node.webhooks.dead-letter-after of failures: kept, with the message as it
-- was sent, for the owner to read and replay.
CREATE TABLE dead_letters (
    subscription_id     TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    webhook_id          TEXT NOT NULL,
    -- The entry's position; an alert's is its entry's, or none for an alert about a refused attempt.
    block_number        BIGINT,
    tx_index            INTEGER,
    entry_index         INTEGER,
    payload             TEXT NOT NULL,
    attempts            INTEGER NOT NULL,
    last_error          TEXT,
    failed_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, webhook_id)
);

-- Compliance alerts, raised on the stream of committed entries (large values, structuring) and on refused attempts
-- to pay a frozen account. A rescan of the same entries raises nothing twice.
CREATE TABLE alerts (
    id                  BIGSERIAL PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('LARGE_VALUE', 'STRUCTURING', 'FROZEN_ACCOUNT_RECEIVING')),
    account_id          TEXT NOT NULL,
    jurisdiction        TEXT NOT NULL,
    asset               TEXT NOT NULL,
    amount              BIGINT NOT NULL,
    threshold           BIGINT,
    tx_id               TEXT,
    block_number        BIGINT,
    tx_index            INTEGER,
    entry_index         INTEGER,
    -- The side of the transfer: DEBIT (the account sent) or CREDIT (it received, or was to).
    entry_kind          TEXT NOT NULL CHECK (entry_kind IN ('DEBIT', 'CREDIT')),
    occurred_at         TIMESTAMPTZ NOT NULL,
    detail              TEXT NOT NULL,
    raised_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, account_id, block_number, tx_index, entry_index)
);
CREATE INDEX alerts_jurisdiction ON alerts (jurisdiction, id);
CREATE INDEX alerts_account_kind ON alerts (account_id, kind, entry_kind, occurred_at);

-- How far the alert scan has read the mirror: the last entry it evaluated, written with the alerts it raised.
CREATE TABLE alert_scan (
    id                  SMALLINT PRIMARY KEY CHECK (id = 1),
    after_block         BIGINT NOT NULL,
    after_tx            INTEGER NOT NULL,
    after_entry         INTEGER NOT NULL
);
