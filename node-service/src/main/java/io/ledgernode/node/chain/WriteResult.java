package io.ledgernode.node.chain;

import java.util.Objects;

/** A write's outcome with the caller-scoped idempotency key it went to the ledger under. */
public record WriteResult(String idempotencyKey, LedgerWriter.Written written) {

    public WriteResult {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(written, "written");
    }
}
