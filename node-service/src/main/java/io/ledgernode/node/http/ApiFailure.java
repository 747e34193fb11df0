package io.ledgernode.node.http;

import io.ledgernode.api.LedgerException;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.node.auth.AuthException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a failure means to the caller, whatever the transport: the one table of exception to {@link ApiErrorCode} and
 * message. Each transport then maps the code to its own status in one place ({@link ApiErrors#status} for HTTP,
 * {@code GrpcErrors.status} for gRPC). Anything unexpected is logged here and answered with a request-free message.
 *
 * @param retryAfter when the caller may retry, if the refusal says
 */
public record ApiFailure(ApiErrorCode code, String message, Optional<Duration> retryAfter) {
    private static final Logger LOG = Logger.getLogger(ApiFailure.class.getName());

    public ApiFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * The failure of a call as the API answers it.
     *
     * @param call names the call for the log (e.g. {@code GET /v1/accounts/a1}), only when there is something to log
     */
    public static ApiFailure of(Throwable failure, Supplier<String> call) {
        return switch (failure) {
            case ApiException e -> new ApiFailure(e.code(), e.getMessage(), e.retryAfter());
            case LedgerException e -> of(ApiErrorCode.of(e.code()), e.text());
            case LedgerClient.LedgerQueryException e -> of(ApiErrorCode.of(e.code()), e.getMessage());
            case LedgerClient.LedgerUnavailableException e -> {
                LOG.log(Level.WARNING, "the ledger did not answer a query: " + e.getMessage());
                yield of(ApiErrorCode.Service.LEDGER_UNAVAILABLE, "the ledger network did not answer; retry shortly");
            }
            case AuthException e -> of(ApiErrorCode.Service.UNAUTHENTICATED, e.getMessage());
            default -> {
                LOG.log(Level.WARNING, "unexpected failure of " + call.get(), failure);
                yield of(ApiErrorCode.Service.INTERNAL, ApiErrors.message(ApiErrorCode.Service.INTERNAL));
            }
        };
    }

    private static ApiFailure of(ApiErrorCode code, String message) {
        return new ApiFailure(code, message, Optional.empty());
    }
}
