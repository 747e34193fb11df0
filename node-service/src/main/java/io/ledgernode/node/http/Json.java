package io.ledgernode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.LedgerJson;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Request bodies read strictly (declared {@code application/json}, UTF-8 without a byte order mark, a JSON object, no
 * duplicate keys, nothing after it); responses written as JSON. The messages say where the JSON broke, never what
 * the parser's classes said about it.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    // Bodies are read within the limits the chaincode's own reader sets, so a number, string or nesting past them is
    // refused here with a message of ours rather than later with the parser's wording.
    private static final ObjectMapper BODY_READER = LedgerJson.newMapper();

    private Json() {
    }

    /** The request body as a JSON object; anything else is a 400 (or 415 for another media type) saying why. */
    public static ObjectNode body(ServerRequest request) {
        if (!request.content().hasEntity()) {
            throw ApiException.malformed("a JSON object body is required");
        }
        requireJson(request.headers().contentType());
        byte[] bytes = request.content().as(byte[].class);
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            // RFC 8259 section 8.1: a JSON text must not begin with one; a parser that skips it hides a broken client.
            throw ApiException.malformed("the body begins with a byte order mark; send UTF-8 JSON without one");
        }
        try {
            var node = BODY_READER.readTree(bytes);
            if (!(node instanceof ObjectNode object)) {
                throw ApiException.malformed("the body must be a JSON object");
            }
            return object;
        } catch (StreamConstraintsException e) {
            throw ApiException.malformed("the body exceeds the JSON limits: strings up to " + LedgerJson.TOKEN_LENGTH_MAX
                    + " characters, nesting up to " + LedgerJson.NESTING_DEPTH_MAX + " levels, numbers up to 64 digits");
        } catch (JsonProcessingException e) {
            throw ApiException.malformed("malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw ApiException.malformed("unreadable body");
        }
    }

    /** Refuses a body on a route that takes none (its meaning would be ignored, which a caller must not rely on). */
    public static void noBody(ServerRequest request) {
        if (request.content().hasEntity() && request.headers().contentLength().orElse(1) > 0) {
            throw ApiException.malformed("this request takes no body");
        }
    }

    /** 415 unless the body is declared application/json; a charset, if named, must be UTF-8 (JSON's only encoding). */
    private static void requireJson(Optional<HttpMediaType> contentType) {
        boolean json = contentType.filter(type -> type.test(MediaTypes.APPLICATION_JSON))
                .map(type -> type.charset().map(charset -> charset.toLowerCase(Locale.ROOT).equals("utf-8")).orElse(true))
                .orElse(false);
        if (!json) {
            throw new ApiException(ApiErrorCode.Service.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be sent as Content-Type: application/json (UTF-8)");
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    public static void send(ServerResponse response, Status status, Object body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }
}
