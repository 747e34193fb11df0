package io.ledgernode.node.http;

import io.ledgernode.api.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the service answers with an error: a stable code from the closed set and a readable message. Its status
 * follows from the code, mapped once per transport ({@link ApiErrors} for HTTP, {@code GrpcErrors} for gRPC); it never
 * carries a stack trace out.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiErrorCode code;
    private final Duration retryAfter;

    public ApiException(ApiErrorCode code, String message) {
        this(code, message, null);
    }

    private ApiException(ApiErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = retryAfter;
    }

    /** The same refusal, telling the caller when to retry (the Retry-After header). */
    public ApiException retryAfter(Duration delay) {
        return new ApiException(code, getMessage(), delay);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ApiErrorCode code() {
        return code;
    }

    /** A well-formed request with a value that is not acceptable (the chaincode's INVALID_ARGUMENT). */
    public static ApiException badRequest(String message) {
        return new ApiException(ApiErrorCode.of(ErrorCode.INVALID_ARGUMENT), message);
    }

    /** A request that is not well-formed: its body, its encoding, its shape. */
    public static ApiException malformed(String message) {
        return new ApiException(ApiErrorCode.Service.BAD_REQUEST, message);
    }

    /** {@code what} (already quoted with {@link ApiErrors#quoted} where it holds caller input) "not found". */
    public static ApiException notFound(String what) {
        return new ApiException(ApiErrorCode.Service.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ApiErrorCode.of(ErrorCode.FORBIDDEN), message);
    }
}
