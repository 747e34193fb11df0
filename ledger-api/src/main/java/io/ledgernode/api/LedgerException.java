package io.ledgernode.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business rejection: a stable {@link ErrorCode} and a readable text. The chaincode turns it into a
 * {@code ChaincodeException} with message {@code CODE: text}; clients rebuild it from that message or from the payload.
 */
public final class LedgerException extends RuntimeException {
    /** Finds {@code CODE: text} anywhere in a message, e.g. after the gateway's {@code chaincode response 500, }. */
    private static final Pattern CODED_MESSAGE = Pattern.compile("(?:^|[\\s,])([A-Z][A-Z_]+): ");

    private final ErrorCode code;
    private final String text;

    /** A rejection with its code and readable text (no code prefix). */
    public LedgerException(final ErrorCode code, final String text) {
        super(code + ": " + text);
        this.code = code;
        this.text = text;
    }

    public ErrorCode code() {
        return code;
    }

    /** The readable text without the code prefix. */
    public String text() {
        return text;
    }

    /** The JSON payload the chaincode attaches to the rejection. */
    public ErrorPayload payload() {
        return ErrorPayload.of(code, text);
    }

    /**
     * Parses a rejection out of an endorsement error message such as
     * {@code chaincode response 500, INSUFFICIENT_FUNDS: account alice ...}. Empty if the message carries no known code.
     */
    public static Optional<LedgerException> fromMessage(final String message) {
        if (message == null) {
            return Optional.empty();
        }
        final Matcher matcher = CODED_MESSAGE.matcher(message);
        while (matcher.find()) {
            final Optional<ErrorCode> code = codeNamed(matcher.group(1));
            if (code.isPresent()) {
                return Optional.of(new LedgerException(code.get(), message.substring(matcher.end())));
            }
        }
        return Optional.empty();
    }

    private static Optional<ErrorCode> codeNamed(final String name) {
        for (final ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(name)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
