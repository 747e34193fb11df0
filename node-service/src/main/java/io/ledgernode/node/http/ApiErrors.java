package io.ledgernode.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.node.auth.AuthException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single place where failures become HTTP answers: ledger error codes and authentication reasons to statuses,
 * everything unexpected to a 500 with a request-free message (the details go to the log, never to the caller).
 */
public final class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    /** The HTTP status of each of the chaincode's error codes. */
    public static Status status(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, INVALID_AMOUNT, SAME_ACCOUNT, BATCH_TOO_LARGE -> Status.BAD_REQUEST_400;
            case FORBIDDEN -> Status.FORBIDDEN_403;
            case UNKNOWN_ASSET, UNKNOWN_ACCOUNT, UNKNOWN_HOLD -> Status.NOT_FOUND_404;
            case ASSET_EXISTS, ACCOUNT_EXISTS, HOLD_EXISTS, IDEMPOTENCY_CONFLICT, ALREADY_CONFIGURED -> Status.CONFLICT_409;
            case INSUFFICIENT_FUNDS, ACCOUNT_FROZEN, ASSET_MISMATCH, LIMIT_EXCEEDED, HOLD_NOT_OPEN, HOLD_EXPIRED,
                 HOLD_NOT_EXPIRED, AMOUNT_OVERFLOW -> Status.UNPROCESSABLE_CONTENT_422;
            case TX_TIME_OUT_OF_TOLERANCE -> Status.BAD_REQUEST_400;
            case NOT_CONFIGURED -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    /** Registers the handlers on a routing. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (request, response, e) -> {
                    e.retryAfter().ifPresent(delay -> response.header(HeaderNames.RETRY_AFTER, Long.toString(delay.toSeconds())));
                    send(response, e.status(), e.code(), e.getMessage());
                })
                .error(LedgerException.class, (request, response, e) -> send(response, status(e.code()), e.code().name(), e.text()))
                .error(io.ledgernode.gateway.LedgerClient.LedgerQueryException.class,
                        (request, response, e) -> send(response, status(e.code()), e.code().name(), e.getMessage()))
                .error(io.ledgernode.gateway.LedgerClient.LedgerUnavailableException.class, (request, response, e) -> {
                    LOG.log(Level.WARNING, "the ledger did not answer a query: " + e.getMessage());
                    send(response, Status.SERVICE_UNAVAILABLE_503, "LEDGER_UNAVAILABLE", "the ledger network did not answer; retry shortly");
                })
                .error(AuthException.class, (request, response, e) -> {
                    response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                    send(response, Status.UNAUTHORIZED_401, "UNAUTHENTICATED", e.getMessage());
                })
                .error(RuntimeException.class, (request, response, e) -> {
                    LOG.log(Level.WARNING, "unexpected failure of " + request.prologue().method() + " " + request.path().path(), e);
                    send(response, Status.INTERNAL_SERVER_ERROR_500, "INTERNAL", "the service failed to answer; the failure is logged");
                });
    }

    public static void send(ServerResponse response, Status status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.send("{\"code\":\"INTERNAL\"}");
        }
    }
}
