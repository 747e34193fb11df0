package io.ledgernode.proof.msp;

/** An MSP definition in the channel configuration that cannot be used (unreadable, or a kind not supported). */
public final class InvalidMspException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidMspException(String message) {
        super(message);
    }

    public InvalidMspException(String message, Throwable cause) {
        super(message, cause);
    }
}
