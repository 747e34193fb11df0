package io.ledgernode.proof.msp;

/** A serialized identity that is not a valid identity of any MSP of the channel. */
public final class InvalidIdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidIdentityException(String message) {
        super(message);
    }
}
