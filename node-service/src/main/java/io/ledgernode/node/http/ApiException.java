package io.ledgernode.node.http;

import io.helidon.http.Status;

/**
 * A request the service answers with an error: its HTTP status, a stable code and a readable message. Thrown by
 * handlers and turned into the JSON error body in one place ({@link ApiErrors}); never carries a stack trace out.
 */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private java.time.Duration retryAfter;

    public ApiException(Status status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Tells the caller when to retry (the Retry-After header). */
    public ApiException retryAfter(java.time.Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, "INVALID_ARGUMENT", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(Status.NOT_FOUND_404, "NOT_FOUND", what + " not found");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN_403, "FORBIDDEN", message);
    }
}
