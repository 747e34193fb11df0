package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.ErrorPayload;
import io.ledgernode.api.Require;

/**
 * What one item of a {@code Money:transferPack} came to: exactly one of {@code result} (what the same request sent
 * alone as {@code Money:transfer} would have answered, a replay's original result included) or {@code error} (the
 * code and text its refusal alone would have carried; the item then changed nothing).
 */
public final class PackedOutcome {
    private final String idempotencyKey;
    private final MoneyResult result;
    private final ErrorPayload error;

    private PackedOutcome(final String idempotencyKey, final MoneyResult result, final ErrorPayload error) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        if ((result == null) == (error == null)) {
            throw Require.invalid("a packed outcome has exactly one of result and error");
        }
        this.result = result;
        this.error = error;
    }

    @JsonCreator
    static PackedOutcome fromJson(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("result") final MoneyResult result, @JsonProperty("error") final ErrorPayload error) {
        return new PackedOutcome(idempotencyKey, result, error);
    }

    /** The item was applied (or replayed): its own result. */
    public static PackedOutcome done(final String idempotencyKey, final MoneyResult result) {
        return new PackedOutcome(idempotencyKey, Require.present("result", result), null);
    }

    /** The item was refused alone. */
    public static PackedOutcome refused(final String idempotencyKey, final ErrorPayload error) {
        return new PackedOutcome(idempotencyKey, null, Require.present("error", error));
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The item's result, or null when it was refused. */
    public MoneyResult result() {
        return result;
    }

    /** The item's refusal, or null when it was applied. */
    public ErrorPayload error() {
        return error;
    }
}
