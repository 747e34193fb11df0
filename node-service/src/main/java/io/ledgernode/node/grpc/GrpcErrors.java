package io.ledgernode.node.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.node.auth.AuthException;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of a gRPC call as a status with a message and the API's stable code in the trailer
 * {@code ledger-error-code}: the one mapping for gRPC, as {@link ApiErrors} is for HTTP. Each {@link ApiErrorCode}
 * has one gRPC status here, chosen to match its HTTP status there.
 */
public final class GrpcErrors {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class.getName());

    private GrpcErrors() {
    }

    /** A status to close the call with, and its trailers. */
    public record Refusal(Status status, Metadata trailers) {
    }

    /** Closes a call an interceptor refuses before the service sees it, with the failure's status; nothing follows. */
    static <Q> ServerCall.Listener<Q> refuse(ServerCall<Q, ?> call, Throwable failure) {
        Refusal refusal = refusal(failure);
        call.close(refusal.status(), refusal.trailers());
        return new ServerCall.Listener<>() {
        };
    }

    public static Refusal refusal(Throwable failure) {
        return switch (failure) {
            case ApiException e -> refusal(e.code(), e.getMessage());
            case LedgerException e -> refusal(ApiErrorCode.of(e.code()), e.text());
            case LedgerClient.LedgerQueryException e -> refusal(ApiErrorCode.of(e.code()), e.getMessage());
            case LedgerClient.LedgerUnavailableException e ->
                    refusal(ApiErrorCode.Service.LEDGER_UNAVAILABLE, "the ledger network did not answer; retry shortly");
            case AuthException e -> refusal(ApiErrorCode.Service.UNAUTHENTICATED, e.getMessage());
            default -> {
                LOG.log(Level.WARNING, "unexpected failure of a gRPC call", failure);
                yield refusal(ApiErrorCode.Service.INTERNAL, "the service failed to answer; the failure is logged");
            }
        };
    }

    private static Refusal refusal(ApiErrorCode code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, code.name());
        return new Refusal(status(code).withDescription(code.name() + ": " + message), trailers);
    }

    /**
     * The gRPC status of each code: the one a client library treats like the code's HTTP status on the REST API
     * (https://grpc.github.io/grpc/core/md_doc_http-grpc-status-mapping.html, inverted), so both transports tell the
     * same story.
     */
    static Status status(ApiErrorCode code) {
        return switch (code) {
            case ApiErrorCode.Ledger(ErrorCode ledger) -> status(ledger);
            case ApiErrorCode.Service service -> status(service);
        };
    }

    private static Status status(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, INVALID_AMOUNT, SAME_ACCOUNT, BATCH_TOO_LARGE, TX_TIME_OUT_OF_TOLERANCE -> Status.INVALID_ARGUMENT;
            case FORBIDDEN -> Status.PERMISSION_DENIED;
            case UNKNOWN_ASSET, UNKNOWN_ACCOUNT, UNKNOWN_HOLD -> Status.NOT_FOUND;
            case ASSET_EXISTS, ACCOUNT_EXISTS, HOLD_EXISTS, IDEMPOTENCY_CONFLICT, ALREADY_CONFIGURED -> Status.ALREADY_EXISTS;
            case INSUFFICIENT_FUNDS, ACCOUNT_FROZEN, ASSET_MISMATCH, LIMIT_EXCEEDED, HOLD_NOT_OPEN, HOLD_EXPIRED,
                 HOLD_NOT_EXPIRED, AMOUNT_OVERFLOW -> Status.FAILED_PRECONDITION;
            case NOT_CONFIGURED -> Status.UNAVAILABLE;
        };
    }

    private static Status status(ApiErrorCode.Service code) {
        return switch (code) {
            case BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, URI_TOO_LONG -> Status.INVALID_ARGUMENT;
            case HEADERS_TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
            case HTTP_VERSION_NOT_SUPPORTED -> Status.UNIMPLEMENTED;
            case PROOF_SCOPE_EXCEEDED -> Status.PERMISSION_DENIED;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case NOT_FOUND, TX_NOT_FOUND, BLOCK_NOT_COMMITTED -> Status.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> Status.UNIMPLEMENTED;
            // Ordered but invalidated (an MVCC conflict beyond the retries): the standard "retry the whole thing" code.
            case TRANSACTION_INVALIDATED -> Status.ABORTED;
            case CHAIN_TOO_LONG, CONFIG_CHANGED -> Status.FAILED_PRECONDITION;
            case RATE_LIMITED -> Status.RESOURCE_EXHAUSTED;
            case INTERNAL -> Status.INTERNAL;
            case LEDGER_UNAVAILABLE, MIRROR_UNAVAILABLE, MIRROR_BEHIND, ATTESTATION_UNAVAILABLE, REPORTS_UNAVAILABLE,
                 RECONCILER_UNAVAILABLE, OVERLOADED -> Status.UNAVAILABLE;
        };
    }
}
