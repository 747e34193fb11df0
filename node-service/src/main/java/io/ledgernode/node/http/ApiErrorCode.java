package io.ledgernode.node.http;

import io.ledgernode.api.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The closed set of codes an API error body ({@code {"code","message"}}) or a gRPC {@code ledger-error-code} trailer
 * carries: the chaincode's own business codes ({@link Ledger}, taken from ledger-api's {@link ErrorCode} rather than
 * copied) and the codes this service adds for what happens before or around the chain ({@link Service}). Each maps
 * to one HTTP status ({@link ApiErrors#status}) and one gRPC status ({@code GrpcErrors}); the OpenAPI document lists
 * exactly {@link #values()}.
 */
public sealed interface ApiErrorCode permits ApiErrorCode.Ledger, ApiErrorCode.Service {

    /** The code as it appears on the wire. */
    String name();

    /** A rejection the chaincode (or the request types it shares with this service) decided. */
    record Ledger(ErrorCode code) implements ApiErrorCode {
        public Ledger {
            java.util.Objects.requireNonNull(code, "code");
        }

        @Override
        public String name() {
            return code.name();
        }
    }

    /** What the service itself answers: the HTTP exchange, the caller, the mirror, the proofs, the ledger connection. */
    enum Service implements ApiErrorCode {
        /** The request is not well-formed: its JSON, its encoding, a body where none belongs or none where one does. */
        BAD_REQUEST,
        /** No token, or one the node does not accept. */
        UNAUTHENTICATED,
        /** No such route, or nothing the caller may see under this name (the two are not told apart). */
        NOT_FOUND,
        /** The route exists, with other methods (listed in the Allow header). */
        METHOD_NOT_ALLOWED,
        /** The body is larger than the server takes. */
        PAYLOAD_TOO_LARGE,
        /** The body is not {@code application/json}. */
        UNSUPPORTED_MEDIA_TYPE,
        /** The request's header fields together are larger than the server takes (HTTP 431). */
        HEADERS_TOO_LARGE,
        /** The request line (path and query) is longer than the server takes. */
        URI_TOO_LONG,
        /** The request is not HTTP/1.1 (HTTP/2 goes to the gRPC port). */
        HTTP_VERSION_NOT_SUPPORTED,
        /** A wallet asked for the proof bundle of a transaction with legs between other accounts (ask an auditor). */
        PROOF_SCOPE_EXCEEDED,
        /** More requests are in progress than the server takes at once; retry shortly. */
        OVERLOADED,
        /** Too many requests from this caller, or too many refused ones from this address; see Retry-After. */
        RATE_LIMITED,
        /** Ordered on the chain but marked invalid for a reason other than a lost race; changed nothing. */
        TRANSACTION_INVALIDATED,
        /**
         * Lost a race for the same records (an MVCC or phantom read conflict) beyond the node's resubmissions; changed
         * nothing. Retryable: send it again with the same Idempotency-Key (after Retry-After).
         */
        WRITE_CONFLICT,
        /** No transaction with this id on this org's peer (proofs). */
        TX_NOT_FOUND,
        /** This org's peer does not hold the block yet (attestations). */
        BLOCK_NOT_COMMITTED,
        /** A proof's chain from the configuration block to the end block is longer than configured. */
        CHAIN_TOO_LONG,
        /** The channel configuration changed between the transaction's block and the end block asked for. */
        CONFIG_CHANGED,
        /** An attesting member org's node did not answer with an attestation. */
        ATTESTATION_UNAVAILABLE,
        /** The ledger network did not answer. */
        LEDGER_UNAVAILABLE,
        /** The mirror database did not answer. */
        MIRROR_UNAVAILABLE,
        /** The mirror has not reached the block asked for (minBlock) within the wait allowed. */
        MIRROR_BEHIND,
        /** The published reports cannot be read. */
        REPORTS_UNAVAILABLE,
        /** The reconciler's records cannot be read. */
        RECONCILER_UNAVAILABLE,
        /** The service failed; the details are in its log, never in the answer. */
        INTERNAL
    }

    /** The chaincode's code as an API code. */
    static ApiErrorCode of(ErrorCode code) {
        return new Ledger(code);
    }

    /** Every code, the chaincode's first: the set the OpenAPI document's error schema enumerates. */
    static List<ApiErrorCode> values() {
        List<ApiErrorCode> all = new ArrayList<>();
        Arrays.stream(ErrorCode.values()).map(Ledger::new).forEach(all::add);
        all.addAll(Arrays.asList(Service.values()));
        return List.copyOf(all);
    }
}
