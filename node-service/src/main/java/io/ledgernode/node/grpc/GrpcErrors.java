package io.ledgernode.node.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.ledgernode.api.LedgerException;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.node.auth.AuthException;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of a gRPC call as a status with a message and the API's stable code in the trailer
 * {@code ledger-error-code}: the one mapping for gRPC, as {@link ApiErrors} is for HTTP. The gRPC code follows the
 * HTTP status the same failure has on the REST API, so both transports tell the same story.
 */
public final class GrpcErrors {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class.getName());

    private GrpcErrors() {
    }

    /** A status to close the call with, and its trailers. */
    public record Refusal(Status status, Metadata trailers) {
    }

    public static Refusal refusal(Throwable failure) {
        return switch (failure) {
            case ApiException e -> refusal(e.status().code(), e.code(), e.getMessage());
            case LedgerException e -> refusal(ApiErrors.status(e.code()).code(), e.code().name(), e.text());
            case LedgerClient.LedgerQueryException e -> refusal(ApiErrors.status(e.code()).code(), e.code().name(), e.getMessage());
            case LedgerClient.LedgerUnavailableException e -> refusal(503, "LEDGER_UNAVAILABLE", "the ledger network did not answer; retry shortly");
            case AuthException e -> refusal(401, "UNAUTHENTICATED", e.getMessage());
            default -> {
                LOG.log(Level.WARNING, "unexpected failure of a gRPC call", failure);
                yield refusal(500, "INTERNAL", "the service failed to answer; the failure is logged");
            }
        };
    }

    private static Refusal refusal(int httpStatus, String code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, code);
        // Ordered but invalidated (an MVCC conflict beyond the retries): the standard "retry the whole thing" code.
        Status status = "TRANSACTION_INVALIDATED".equals(code) ? Status.ABORTED : status(httpStatus);
        return new Refusal(status.withDescription(code + ": " + message), trailers);
    }

    /** The gRPC status for an HTTP status of the REST API (https://grpc.github.io/grpc/core/md_doc_http-grpc-status-mapping.html, inverted). */
    static Status status(int httpStatus) {
        return switch (httpStatus) {
            case 400, 413, 422 -> httpStatus == 422 ? Status.FAILED_PRECONDITION : Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 409 -> Status.ALREADY_EXISTS;
            case 429 -> Status.RESOURCE_EXHAUSTED;
            case 503 -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
    }
}
