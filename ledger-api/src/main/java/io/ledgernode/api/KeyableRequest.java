package io.ledgernode.api;

import java.util.Optional;

/**
 * An administrative request (registering an asset, opening accounts, freezing, unfreezing, setting limits, voiding or
 * releasing a hold) that the chaincode applies once per idempotency key of the caller's org when it names one, exactly
 * as it always does an {@link IdempotentRequest}: the same key with the same request is {@link ErrorCode#REPLAYED},
 * naming the original transaction and result; with another request it is {@link ErrorCode#IDEMPOTENCY_CONFLICT}. The
 * node names a key on every write; an operator at the peer CLI may leave it out, and the request then runs as
 * written (its own rules refuse a second opening, say). The key is the request's JSON field {@code idempotencyKey},
 * {@code null} when absent.
 */
public interface KeyableRequest {

    /** The caller's idempotency key, already checked ({@link Require#idempotencyKey}), when the request names one. */
    Optional<String> idempotencyKey();
}
