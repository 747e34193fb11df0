package io.ledgernode.bridge.block;

/**
 * A part of one envelope that cannot be read exactly. The envelope decoders do not know the block they are in; the
 * parser turns this into a {@link BlockParseException} naming the block and the envelope index.
 */
final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(final String message) {
        super(message);
    }

    MalformedException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /** Throws with the message unless the condition holds: a check that stays on in production. */
    static void require(final boolean condition, final String message) throws MalformedException {
        if (!condition) {
            throw new MalformedException(message);
        }
    }
}
