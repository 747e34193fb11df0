package io.ledgernode.node.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiErrors;
import io.ledgernode.node.http.ApiFailure;

/**
 * Every failure of a gRPC call as a status with a message and the API's stable code in the trailer
 * {@code ledger-error-code}: the failure's code from the transports' one table ({@link ApiFailure}), and each
 * {@link ApiErrorCode}'s gRPC status here, as {@link ApiErrors} maps it to HTTP, chosen to tell the same story.
 */
public final class GrpcErrors {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);

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
        ApiFailure answer = ApiFailure.of(failure, () -> "a gRPC call");
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, answer.code().name());
        return new Refusal(status(answer.code()).withDescription(answer.code().name() + ": " + answer.message()), trailers);
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
            case ASSET_EXISTS, ACCOUNT_EXISTS, HOLD_EXISTS, IDEMPOTENCY_CONFLICT, REPLAYED, ALREADY_CONFIGURED -> Status.ALREADY_EXISTS;
            case INSUFFICIENT_FUNDS, ACCOUNT_FROZEN, ASSET_MISMATCH, LIMIT_EXCEEDED, HOLD_NOT_OPEN, HOLD_EXPIRED,
                 HOLD_NOT_EXPIRED, AMOUNT_OVERFLOW -> Status.FAILED_PRECONDITION;
            case NOT_CONFIGURED -> Status.UNAVAILABLE;
        };
    }

    private static Status status(ApiErrorCode.Service code) {
        return switch (code) {
            case BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, URI_TOO_LONG -> Status.INVALID_ARGUMENT;
            // As grpc-java refuses a message past grpc.message-size-max itself.
            case PAYLOAD_TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
            case HEADERS_TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
            case HTTP_VERSION_NOT_SUPPORTED -> Status.UNIMPLEMENTED;
            case PROOF_SCOPE_EXCEEDED -> Status.PERMISSION_DENIED;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case NOT_FOUND, TX_NOT_FOUND, BLOCK_NOT_COMMITTED -> Status.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> Status.UNIMPLEMENTED;
            // Ordered but invalidated for another reason than a lost race: the standard "retry the whole thing" code.
            case TRANSACTION_INVALIDATED -> Status.ABORTED;
            case CHAIN_TOO_LONG, CONFIG_CHANGED -> Status.FAILED_PRECONDITION;
            case RATE_LIMITED -> Status.RESOURCE_EXHAUSTED;
            case INTERNAL -> Status.INTERNAL;
            case LEDGER_UNAVAILABLE, MIRROR_UNAVAILABLE, MIRROR_BEHIND, ATTESTATION_UNAVAILABLE, REPORTS_UNAVAILABLE,
                 RECONCILER_UNAVAILABLE, OVERLOADED -> Status.UNAVAILABLE;
            // A lost race: UNAVAILABLE is what gRPC clients retry on their own, and the retry is safe under the same key.
            case WRITE_CONFLICT -> Status.UNAVAILABLE;
        };
    }
}
