package io.ledgernode.node.chain;

import java.util.Objects;

/**
 * A write's outcome with the idempotency key the caller sent (the ledger holds it scoped to the caller; the caller
 * sees, and asks GET /v1/writes/{key} by, its own).
 */
public record WriteResult(String idempotencyKey, LedgerWriter.Written written) {

    public WriteResult {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(written, "written");
    }
}
