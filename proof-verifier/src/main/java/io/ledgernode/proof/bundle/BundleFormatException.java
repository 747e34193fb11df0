package io.ledgernode.proof.bundle;

/** The bundle is not a readable version-1 proof bundle: bad JSON, a missing field, bad base64 or hex, bad protobuf. */
public final class BundleFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
