package io.ledgernode.api;

/**
 * A request the chaincode applies exactly once per idempotency key of the caller's org: money and hold requests. The
 * same key with the same request replays the original result; with another request it is
 * {@link ErrorCode#IDEMPOTENCY_CONFLICT}. Adds no JSON field: the key is each request's own.
 */
public interface IdempotentRequest {

    /** The caller's idempotency key, already checked ({@link Require#idempotencyKey}). */
    String idempotencyKey();
}
