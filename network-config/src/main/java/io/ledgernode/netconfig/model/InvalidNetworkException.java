package io.ledgernode.netconfig.model;

/** The network description is not usable; the message says which field and why, in one line. */
public final class InvalidNetworkException extends RuntimeException {

    public InvalidNetworkException(String message) {
        super(message);
    }
}
