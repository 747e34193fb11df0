package io.ledgernode.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.node.auth.AuthException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single place where failures become HTTP answers: each {@link ApiErrorCode} to its status, every failure to its
 * code through the transports' one table ({@link ApiFailure}), the web server's own refusals (unmatched route, bad
 * encoding) to the same JSON body, and everything unexpected to a 500 with a request-free message (the details go to
 * the log, never to the caller).
 */
public final class ApiErrors {

    /** Most characters of caller input an error message repeats. */
    public static final int ECHO_LENGTH_MAX = 64;

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final Logger ACCESS = Logger.getLogger("io.ledgernode.node.access");
    // Helidon 4.4's HTTP/1 header parser tells a header block over max-headers-size from other malformed requests
    // only by this reason text (handed over because server.error-handling.include-entity is on; never shown).
    private static final String HEADERS_TOO_LARGE_REASON = "Header size exceeded";
    // Helidon 4.4 names no constant for 431 (RFC 6585).
    private static final Status HEADER_FIELDS_TOO_LARGE_431 = Status.create(431, "Request Header Fields Too Large");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    /** The HTTP status of each code. */
    public static Status status(ApiErrorCode code) {
        return switch (code) {
            case ApiErrorCode.Ledger(ErrorCode ledger) -> status(ledger);
            case ApiErrorCode.Service service -> status(service);
        };
    }

    private static Status status(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, INVALID_AMOUNT, SAME_ACCOUNT, BATCH_TOO_LARGE, TX_TIME_OUT_OF_TOLERANCE -> Status.BAD_REQUEST_400;
            case FORBIDDEN -> Status.FORBIDDEN_403;
            case UNKNOWN_ASSET, UNKNOWN_ACCOUNT, UNKNOWN_HOLD -> Status.NOT_FOUND_404;
            case ASSET_EXISTS, ACCOUNT_EXISTS, HOLD_EXISTS, IDEMPOTENCY_CONFLICT, REPLAYED, ALREADY_CONFIGURED -> Status.CONFLICT_409;
            case INSUFFICIENT_FUNDS, ACCOUNT_FROZEN, ASSET_MISMATCH, LIMIT_EXCEEDED, HOLD_NOT_OPEN, HOLD_EXPIRED,
                 HOLD_NOT_EXPIRED, AMOUNT_OVERFLOW -> Status.UNPROCESSABLE_CONTENT_422;
            case NOT_CONFIGURED -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    private static Status status(ApiErrorCode.Service code) {
        return switch (code) {
            case BAD_REQUEST -> Status.BAD_REQUEST_400;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED_401;
            case NOT_FOUND, TX_NOT_FOUND, BLOCK_NOT_COMMITTED -> Status.NOT_FOUND_404;
            case METHOD_NOT_ALLOWED -> Status.METHOD_NOT_ALLOWED_405;
            case TRANSACTION_INVALIDATED -> Status.CONFLICT_409;
            case PAYLOAD_TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE_413;
            case UNSUPPORTED_MEDIA_TYPE -> Status.UNSUPPORTED_MEDIA_TYPE_415;
            case HEADERS_TOO_LARGE -> HEADER_FIELDS_TOO_LARGE_431;
            case URI_TOO_LONG -> Status.REQUEST_URI_TOO_LONG_414;
            case HTTP_VERSION_NOT_SUPPORTED -> Status.HTTP_VERSION_NOT_SUPPORTED_505;
            case PROOF_SCOPE_EXCEEDED -> Status.FORBIDDEN_403;
            case CHAIN_TOO_LONG, CONFIG_CHANGED -> Status.UNPROCESSABLE_CONTENT_422;
            case RATE_LIMITED -> Status.TOO_MANY_REQUESTS_429;
            case INTERNAL -> Status.INTERNAL_SERVER_ERROR_500;
            case LEDGER_UNAVAILABLE, MIRROR_UNAVAILABLE, MIRROR_BEHIND, ATTESTATION_UNAVAILABLE, REPORTS_UNAVAILABLE,
                 RECONCILER_UNAVAILABLE, OVERLOADED, WRITE_CONFLICT -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    /** Registers the handlers on a routing. */
    public static void register(HttpRouting.Builder routing) {
        ErrorHandler<Exception> answer = (request, response, e) -> {
            ApiFailure failure = ApiFailure.of(e, () -> request.prologue().method() + " " + request.path().path());
            failure.retryAfter().ifPresent(delay -> response.header(HeaderNames.RETRY_AFTER, Long.toString(delay.toSeconds())));
            if (failure.code() == ApiErrorCode.Service.UNAUTHENTICATED) {
                response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            }
            send(response, failure.code(), failure.message());
        };
        // AuthException is the one checked exception a handler throws on purpose; any other runtime failure is
        // mapped (or logged as unexpected) by the same table.
        routing.error(AuthException.class, answer)
                .error(RuntimeException.class, answer)
                // The web server's own refusals (a path it cannot decode, a body past its limit): the caller's mistake
                // gets the usual body and code, never the 500 below.
                .error(HttpException.class, (request, response, e) -> {
                    ApiErrorCode code = code(e.status());
                    if (code == ApiErrorCode.Service.INTERNAL) {
                        LOG.log(Level.WARNING, "the web server failed " + request.prologue().method() + " " + request.path().path(), e);
                    }
                    send(response, code, message(code));
                });
    }

    /**
     * The web server's answers to requests it refuses before any route runs (a path it will not decode, e.g. with a
     * NUL; a body past {@code server.max-payload-size}; a header block past
     * {@code server.protocols.http_1_1.max-headers-size}; too many requests in progress): the same JSON error body,
     * with a fixed message, and one access-log line. A refused header block closes the connection, as its unread
     * rest cannot be told from the next request.
     */
    public static DirectHandlers directHandlers() {
        DirectHandler json = (request, event, status, headers, reason) -> {
            if (ConnectionGuard.closing()) {
                // What follows an answer that closed the connection is not a request: no second answer to it.
                throw new CloseConnectionException("bytes after an answer that closed the connection");
            }
            // Helidon 4.5 refuses a transfer coding it does not apply ("gzip, chunked") as a bad request, but with status
            // 500: the caller's framing, answered as its mistake.
            ApiErrorCode code = HEADERS_TOO_LARGE_REASON.equals(reason) ? ApiErrorCode.Service.HEADERS_TOO_LARGE
                    : event == DirectHandler.EventType.BAD_REQUEST && status.code() >= 500 ? ApiErrorCode.Service.BAD_REQUEST
                    : code(status);
            ACCESS.info(() -> "transport=http refused=" + code.name() + " status=" + status(code).code() + " event=" + event);
            return DirectHandler.TransportResponse.builder()
                    .status(status(code))
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .keepAlive(event.keepAlive() && code != ApiErrorCode.Service.HEADERS_TOO_LARGE)
                    .entity(body(code, message(code)))
                    .build();
        };
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, json);
        }
        return handlers.build();
    }

    /** The code for a status the web server chose itself. */
    static ApiErrorCode code(Status status) {
        return switch (status.code()) {
            case 400 -> ApiErrorCode.Service.BAD_REQUEST;
            case 404 -> ApiErrorCode.Service.NOT_FOUND;
            case 405 -> ApiErrorCode.Service.METHOD_NOT_ALLOWED;
            case 413 -> ApiErrorCode.Service.PAYLOAD_TOO_LARGE;
            case 414 -> ApiErrorCode.Service.URI_TOO_LONG;
            case 415 -> ApiErrorCode.Service.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ApiErrorCode.Service.HEADERS_TOO_LARGE;
            case 503 -> ApiErrorCode.Service.OVERLOADED;
            case 505 -> ApiErrorCode.Service.HTTP_VERSION_NOT_SUPPORTED;
            default -> ApiErrorCode.Service.INTERNAL;
        };
    }

    /** A fixed message for a refusal the web server made, which has no message of ours. */
    static String message(ApiErrorCode code) {
        return switch (code) {
            case ApiErrorCode.Service.BAD_REQUEST -> "the request is not well-formed";
            case ApiErrorCode.Service.NOT_FOUND -> "no such resource";
            case ApiErrorCode.Service.METHOD_NOT_ALLOWED -> "this resource does not take this method; see the Allow header";
            case ApiErrorCode.Service.PAYLOAD_TOO_LARGE -> "the request body is larger than the server takes";
            case ApiErrorCode.Service.UNSUPPORTED_MEDIA_TYPE -> "the request body must be application/json";
            case ApiErrorCode.Service.HEADERS_TOO_LARGE -> "the request's header fields are larger than the server takes";
            case ApiErrorCode.Service.URI_TOO_LONG -> "the request line is longer than the server takes";
            case ApiErrorCode.Service.HTTP_VERSION_NOT_SUPPORTED -> "this port speaks HTTP/1.1; gRPC has a port of its own";
            case ApiErrorCode.Service.OVERLOADED -> "too many requests in progress; retry shortly";
            default -> "the service failed to answer; the failure is logged";
        };
    }

    /**
     * A bounded, printable rendering of caller input for a message: at most {@link #ECHO_LENGTH_MAX} characters, then
     * an ellipsis; control characters as '?'.
     */
    public static String quoted(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(input.length(), ECHO_LENGTH_MAX);
        for (int i = 0; i < shown; i++) {
            char c = input.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append(input.length() > shown ? "…\"" : "\"").toString();
    }

    public static void send(ServerResponse response, ApiErrorCode code, String message) {
        response.status(status(code));
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body(code, message));
    }

    /** The error body: {@code {"code","message"}}. */
    private static byte[] body(ApiErrorCode code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code.name());
        body.put("message", message);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("two strings are always JSON", e);
        }
    }
}
