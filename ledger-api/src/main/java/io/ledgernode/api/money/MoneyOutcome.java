package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.Optional;

/**
 * The answer of {@code Money:outcome}: whether the caller's org recorded a keyed request (money, holds, and any
 * administrative request that named a key) under the idempotency key, and if so its original result, as the JSON text
 * the chaincode answered then (handed on as it is), and the transaction that applied it (null in records written
 * before the transaction was kept). {@code {"found":true,"idempotencyKey":"k1","result":"{...}","txId":"..."}}, or
 * {@code {"found":false,"idempotencyKey":"k1","result":null,"txId":null}}.
 */
public final class MoneyOutcome {
    private final boolean found;
    private final String idempotencyKey;
    private final String result;
    private final String txId;

    private MoneyOutcome(final boolean found, final String idempotencyKey, final String result, final String txId) {
        this.found = found;
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        if (found != (result != null)) {
            throw Require.invalid("result must be present exactly when found");
        }
        this.result = result;
        if (txId != null && !found) {
            throw Require.invalid("txId must be absent when nothing was found");
        }
        this.txId = txId == null ? null : Require.txId("txId", txId);
    }

    @JsonCreator
    public static MoneyOutcome of(@JsonProperty("found") final boolean found,
            @JsonProperty("idempotencyKey") final String idempotencyKey, @JsonProperty("result") final String result,
            @JsonProperty("txId") final String txId) {
        return new MoneyOutcome(found, idempotencyKey, result, txId);
    }

    /** What was recorded under the key: its original result and transaction, or nothing. */
    public static MoneyOutcome of(final String idempotencyKey, final Optional<String> result, final Optional<String> txId) {
        return new MoneyOutcome(result.isPresent(), idempotencyKey, result.orElse(null), txId.orElse(null));
    }

    public boolean found() {
        return found;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The original result's JSON text, when {@link #found()}. */
    public Optional<String> result() {
        return Optional.ofNullable(result);
    }

    /** The transaction that applied the request, when {@link #found()} and the record names it. */
    public Optional<String> txId() {
        return Optional.ofNullable(txId);
    }
}
