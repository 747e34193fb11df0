package io.ledgernode.api;

/**
 * The base of the idempotent requests: holds and checks the {@code idempotencyKey} (first, before the request's own
 * fields). The key is an ordinary JSON field of the request: the interface's JSON is every declared field, a
 * superclass's included, sorted by name.
 */
public abstract class KeyedRequest implements IdempotentRequest {
    private final String idempotencyKey;

    protected KeyedRequest(final String idempotencyKey) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
    }

    @Override
    public final String idempotencyKey() {
        return idempotencyKey;
    }
}
