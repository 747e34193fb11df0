-- Reads of holds that V1 left to a scan: an account's holds paged by id (any status), and the open holds past their
-- expiry, soonest first, which the node's expiry job releases in bounded batches.
CREATE INDEX holds_account_id ON mirror.holds (account_id, id);
CREATE INDEX holds_open_expiry ON mirror.holds (expires_at, id) WHERE status = 'OPEN';
