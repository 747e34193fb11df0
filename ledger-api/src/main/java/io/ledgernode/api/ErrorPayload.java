package io.ledgernode.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The payload of a rejected transaction: {@code {"code":"CODE","message":"readable text"}}. */
public final class ErrorPayload extends Value {
    private final ErrorCode code;
    private final String message;

    private ErrorPayload(final ErrorCode code, final String message) {
        this.code = Require.present("code", code);
        this.message = Require.present("message", message);
    }

    /** The payload for a code and its readable text. */
    @JsonCreator
    public static ErrorPayload of(@JsonProperty("code") final ErrorCode code,
            @JsonProperty("message") final String message) {
        return new ErrorPayload(code, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The exception a client raises for this payload. */
    public LedgerException toException() {
        return new LedgerException(code, message);
    }

    @Override
    protected Object[] components() {
        return new Object[] {code, message};
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
