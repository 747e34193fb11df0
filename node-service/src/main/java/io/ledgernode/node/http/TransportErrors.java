package io.ledgernode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Answers for requests the server refuses before routing (malformed request line or headers, header block or body
 * over the configured limits, unsupported HTTP version): the same JSON error body as every other error, with a
 * stable code, and one log line. Helidon's default sends plain text and, for an oversized header block, 400.
 */
public final class TransportErrors implements DirectHandler {

    private static final Logger LOG = Logger.getLogger("io.ledgernode.node.access");
    private static final ObjectMapper JSON = new ObjectMapper();
    // Helidon 4.4's HTTP/1 header parser signals a header block over max-headers-size only by this reason text.
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";
    // Helidon 4.4 names no constant for 431 (RFC 6585).
    private static final Status HEADER_FIELDS_TOO_LARGE_431 = Status.create(431, "Request Header Fields Too Large");

    /** This handler for every kind of event the server handles directly. */
    public static DirectHandlers handlers() {
        TransportErrors handler = new TransportErrors();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType event, Status status, ServerResponseHeaders headers,
                                    String reason) {
        Refusal refusal = refusal(event, status, reason);
        LOG.info(() -> "transport=http refused=" + refusal.code() + " status=" + refusal.status().code() + " event=" + event);
        // An oversized header block leaves the rest of the connection's bytes unread: it cannot be kept.
        return response(refusal, headers, event.keepAlive() && refusal.status().code() != 431);
    }

    private record Refusal(Status status, String code, String message) {
    }

    /** {@code reason} is the transport's own text (server.error-handling.include-entity), never shown to the caller. */
    private static Refusal refusal(EventType event, Status status, String reason) {
        if (HEADERS_TOO_LARGE.equals(reason)) {
            return new Refusal(HEADER_FIELDS_TOO_LARGE_431, "HEADERS_TOO_LARGE", "the request's header fields are larger than this server accepts");
        }
        return switch (event) {
            case PAYLOAD_TOO_LARGE -> new Refusal(Status.REQUEST_ENTITY_TOO_LARGE_413, "PAYLOAD_TOO_LARGE",
                    "the request body is larger than this server accepts");
            case HTTP_VERSION_NOT_SUPPORTED -> new Refusal(Status.HTTP_VERSION_NOT_SUPPORTED_505, "HTTP_VERSION_NOT_SUPPORTED",
                    "this port speaks HTTP/1.1 (gRPC has a port of its own)");
            case INTERNAL_ERROR -> new Refusal(Status.INTERNAL_SERVER_ERROR_500, "INTERNAL", "the service failed to answer; the failure is logged");
            case OTHER -> status.code() == 503
                    ? new Refusal(status, "OVERLOADED", "too many requests in progress; retry shortly")
                    : new Refusal(status, "BAD_REQUEST", "the request was refused: " + status.reasonPhrase());
            case BAD_REQUEST, FORBIDDEN -> new Refusal(status.code() >= 400 && status.code() < 500 ? status : Status.BAD_REQUEST_400,
                    status.code() == 414 ? "URI_TOO_LONG" : "BAD_REQUEST", "the request is not valid HTTP/1.1 or breaks a limit of this server");
        };
    }

    private static TransportResponse response(Refusal refusal, ServerResponseHeaders headers, boolean keepAlive) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", refusal.code());
        body.put("message", refusal.message());
        byte[] entity;
        try {
            entity = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            entity = "{\"code\":\"INTERNAL\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder().status(refusal.status()).headers(headers).keepAlive(keepAlive).entity(entity).build();
    }
}
