package io.ledgernode.api;

/**
 * The closed set of business rejection codes. A rejected transaction fails endorsement with the message
 * {@code CODE: readable text} and the payload {@code {"code":"CODE","message":"readable text"}}.
 */
public enum ErrorCode {
    /** Malformed or unknown JSON, a bad id, asset code, jurisdiction, instant or page size. */
    INVALID_ARGUMENT,
    /** An amount that is zero, negative, not an integer, or beyond 64 bits. */
    INVALID_AMOUNT,
    /** A balance, hold or supply would overflow 64 bits. */
    AMOUNT_OVERFLOW,
    /** {@code Governance:configure} has not run yet. */
    NOT_CONFIGURED,
    /** {@code Governance:configure} has already run. */
    ALREADY_CONFIGURED,
    /** The caller's org or role may not do this. */
    FORBIDDEN,
    ASSET_EXISTS,
    UNKNOWN_ASSET,
    ACCOUNT_EXISTS,
    UNKNOWN_ACCOUNT,
    /** A frozen account can neither send nor receive. */
    ACCOUNT_FROZEN,
    /** The accounts (or the request's asset) are of different assets. */
    ASSET_MISMATCH,
    /** A transfer from an account to itself. */
    SAME_ACCOUNT,
    /** The available balance is below the amount. */
    INSUFFICIENT_FUNDS,
    /** An account limit (per transfer, or debits per UTC day) would be crossed. */
    LIMIT_EXCEEDED,
    /** The idempotency key was already used with a different request. */
    IDEMPOTENCY_CONFLICT,
    /**
     * The same request again under its idempotency key: already applied, by the transaction this rejection names
     * ({@link IdempotentReplay}, as the message's JSON). Not an error for the caller: a client answers with the
     * original transaction and result (node-service does), and no transaction of the replay reaches the chain.
     */
    REPLAYED,
    /** More items than the configured maximum in one transaction. */
    BATCH_TOO_LARGE,
    HOLD_EXISTS,
    UNKNOWN_HOLD,
    /** The hold was already captured, voided or released. */
    HOLD_NOT_OPEN,
    /** Capture at or after the hold's expiry. */
    HOLD_EXPIRED,
    /** Release before the hold's expiry. */
    HOLD_NOT_EXPIRED,
    /** The transaction timestamp is too far from the endorsing peer's clock. */
    TX_TIME_OUT_OF_TOLERANCE
}
