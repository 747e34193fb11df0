package io.ledgernode.node.auth;

import java.util.Objects;

/**
 * A refused token: a stable reason and a message safe to show the caller (never key material or a stack trace).
 *
 * <p>A refusal is an expected outcome, not a bug, so the exception records no stack trace.
 */
public final class AuthException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused; stable, so that callers and metrics can rely on it. */
    public enum Reason {
        MISSING_TOKEN,
        MALFORMED_TOKEN,
        ALGORITHM_NOT_ALLOWED,
        UNKNOWN_ISSUER,
        BAD_SIGNATURE,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_AUDIENCE,
        MISSING_CLAIM,
        LIFETIME_TOO_LONG,
        NO_ROLE
    }

    private final Reason reason;

    public AuthException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
