package io.ledgernode.node.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.LedgerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The request body, read once: a JSON object (anything else is a 400, or 415 for another media type, saying why),
     * held as its tokens until the operation binds it to its ledger-api request type ({@link Body#as}).
     */
    public static Body body(ServerRequest request) {
        if (!request.content().hasEntity()) {
            throw ApiException.malformed("a JSON object body is required");
        }
        requireJson(request.headers().contentType());
        return read(entity(request));
    }

    /**
     * The body's bytes as the connection delivers them. The web server's own refusals while reading (a body past the
     * payload maximum: 413; a framing it rejects: 400) pass through to its direct handlers as they are. Helidon 4.5
     * reports a chunk size that is not hexadecimal, negative or past an int as a bare {@link NumberFormatException}
     * from inside the read, which was answered as our own failure (500). It is the caller's malformed framing: refused
     * as the web server refuses the others (400 through its direct handlers), which also ends the connection
     * ({@link ConnectionGuard}: Helidon 4.5 would read what follows as a next request). The read has the read deadline.
     */
    private static byte[] entity(ServerRequest request) {
        try {
            return ConnectionGuard.whileReadingBody(() -> request.content().as(byte[].class));
        } catch (DataReader.InsufficientDataAvailableException cutShort) {
            // The client ended its side before the body it declared was all there: its framing, not our failure.
            throw malformedFraming("Request body ended early");
        } catch (NumberFormatException malformedChunkSize) {
            throw malformedFraming("Invalid chunk size");
        }
    }

    /**
     * The caller's malformed HTTP framing, refused as the web server refuses its own: 400 {@code BAD_REQUEST} through
     * its direct handlers, and the connection not kept, since where the next request starts is no longer known.
     */
    static RequestException malformedFraming(String message) {
        return RequestException.builder().type(DirectHandler.EventType.BAD_REQUEST).status(Status.BAD_REQUEST_400)
                .message(message).setKeepAlive(false).build();
    }

    /** A body's bytes read as a JSON object, held as its tokens; anything else is a 400 saying why. */
    static Body read(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            // RFC 8259 section 8.1: a JSON text must not begin with one; a parser that skips it hides a broken client.
            throw ApiException.malformed("the body begins with a byte order mark; send UTF-8 JSON without one");
        }
        requireUtf8(bytes);
        try (JsonParser parser = BODY_READER.createParser(bytes)) {
            TokenBuffer tokens = new TokenBuffer(parser);
            JsonToken first = parser.nextToken();
            if (first != null) {
                tokens.copyCurrentStructure(parser);
                if (parser.nextToken() != null) {
                    throw ApiException.malformed("malformed JSON" + at(parser.currentTokenLocation()));
                }
            }
            if (first != JsonToken.START_OBJECT) {
                throw ApiException.malformed("the body must be a JSON object");
            }
            requireWholeCharacters(tokens);
            return new Body(tokens);
        } catch (StreamConstraintsException e) {
            throw ApiException.malformed("the body exceeds the JSON limits: strings up to " + LedgerJson.TOKEN_LENGTH_MAX
                    + " characters, nesting up to " + LedgerJson.NESTING_DEPTH_MAX + " levels, numbers up to 64 digits");
        } catch (JsonProcessingException e) {
            throw ApiException.malformed("malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw ApiException.malformed("unreadable body");
        }
    }

    /**
     * The body is UTF-8, strictly: Jackson's own reading turned overlong forms into other characters (C0 AF into '/',
     * committed as what the caller never sent), and guessed UTF-16 or UTF-32 from the bytes. Those always hold NUL
     * bytes around JSON's ASCII punctuation, and a NUL byte is never valid JSON text (inside a string it is escaped),
     * so with none present Jackson reads UTF-8.
     */
    private static void requireUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw ApiException.malformed("the body holds a NUL byte; send UTF-8 JSON (a NUL in a string is written \\u0000)");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw ApiException.malformed("the body is not UTF-8 (an invalid, overlong or surrogate byte sequence); send UTF-8 JSON");
        }
    }

    /**
     * No name or string holds half a character: an escaped lone surrogate ({@code "\\ud800"}) would be stored as
     * '?', so what the chain records would differ from what the caller sent.
     */
    private static void requireWholeCharacters(TokenBuffer tokens) throws IOException {
        try (JsonParser replay = tokens.asParser()) {
            for (JsonToken token = replay.nextToken(); token != null; token = replay.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    String text = replay.getText();
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                            i++;
                        } else if (Character.isSurrogate(c)) {
                            throw ApiException.malformed("a string holds half of a UTF-16 surrogate pair (\\u"
                                    + Integer.toHexString(c) + "); send whole characters");
                        }
                    }
                }
            }
        }
    }

    /**
     * A field the service adds to a body (the idempotency key from the header, an id from the path); a body naming it
     * itself is refused with {@code refusal}, since which of the two counted would be a guess.
     */
    public record Field(String name, String value, String refusal) {
    }

    /** The caller-scoped idempotency key as a field of the request; it goes in the header, never the body. */
    public static Field idempotencyKey(String key) {
        return new Field("idempotencyKey", key, "the idempotency key goes in the Idempotency-Key header, not the body");
    }

    /** A JSON object body as read (syntax, duplicate keys and limits checked), not yet bound to a request type. */
    public static final class Body {
        private final TokenBuffer tokens;

        private Body(TokenBuffer tokens) {
            this.tokens = tokens;
        }

        /**
         * The body as the ledger-api request {@code type}, with {@code added} appended after its own fields (in that
         * order): the type's own reading refuses unknown fields, wrong types and values, each with its stable code.
         */
        public <R> R as(Class<R> type, Field... added) {
            Set<String> named = fieldNames();
            for (Field field : added) {
                if (named.contains(field.name())) {
                    throw ApiException.badRequest(field.refusal());
                }
            }
            TokenBuffer request = new TokenBuffer(null, false);
            try (JsonParser body = tokens.asParser()) {
                body.nextToken();
                request.writeStartObject();
                while (body.nextToken() == JsonToken.FIELD_NAME) {
                    request.copyCurrentStructure(body);
                }
                for (Field field : added) {
                    request.writeStringField(field.name(), field.value());
                }
                request.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("tokens in memory could not be copied", e);
            }
            return LedgerJson.read(request.asParser(), type);
        }

        /** The names of the object's own (top-level) fields. */
        private Set<String> fieldNames() {
            Set<String> names = new HashSet<>();
            try (JsonParser body = tokens.asParser()) {
                body.nextToken();
                while (body.nextToken() == JsonToken.FIELD_NAME) {
                    names.add(body.currentName());
                    body.nextToken();
                    body.skipChildren();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("tokens in memory could not be read", e);
            }
            return names;
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
