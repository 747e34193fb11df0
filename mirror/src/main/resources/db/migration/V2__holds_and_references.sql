-- Reads of holds that V1 left to a scan: an account's holds paged by id (any status), and the open holds past their
-- expiry, soonest first, which the node's expiry job releases in bounded batches.
CREATE INDEX holds_account_id ON mirror.holds (account_id, id);
CREATE INDEX holds_open_expiry ON mirror.holds (expires_at, id) WHERE status = 'OPEN';

-- What a customer and a bookkeeper read beside each entry: the account on the other side of its leg (the receiver
-- of a debit, the sender of a credit, the payee of a captured hold), and the reference the leg carried (an invoice
-- number, say). Both null where there is none (minting, burning, holds placed, voided or released). Rows mirrored
-- before this version have neither; a mirror replayed from block 0 (a new node, or its database removed) has them all.
ALTER TABLE mirror.entries ADD COLUMN counterparty TEXT;
ALTER TABLE mirror.entries ADD COLUMN reference TEXT;

-- A statement reads an account's entries of a period by their transactions' time.
CREATE INDEX entries_account_time ON mirror.entries (account_id, tx_timestamp);
