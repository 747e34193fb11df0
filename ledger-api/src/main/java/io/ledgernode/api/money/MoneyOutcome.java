package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.Optional;

/**
 * The answer of {@code Money:outcome}: whether the caller's org recorded a money or hold request under the
 * idempotency key, and if so its original result, as the JSON text the chaincode answered then (handed on as it is).
 * {@code {"found":true,"idempotencyKey":"k1","result":"{...}"}}, or {@code {"found":false,"idempotencyKey":"k1",
 * "result":null}}.
 */
public final class MoneyOutcome {
    private final boolean found;
    private final String idempotencyKey;
    private final String result;

    private MoneyOutcome(final boolean found, final String idempotencyKey, final String result) {
        this.found = found;
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        if (found != (result != null)) {
            throw Require.invalid("result must be present exactly when found");
        }
        this.result = result;
    }

    @JsonCreator
    public static MoneyOutcome of(@JsonProperty("found") final boolean found,
            @JsonProperty("idempotencyKey") final String idempotencyKey, @JsonProperty("result") final String result) {
        return new MoneyOutcome(found, idempotencyKey, result);
    }

    /** What was recorded under the key: its original result, or nothing. */
    public static MoneyOutcome of(final String idempotencyKey, final Optional<String> result) {
        return new MoneyOutcome(result.isPresent(), idempotencyKey, result.orElse(null));
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
}
