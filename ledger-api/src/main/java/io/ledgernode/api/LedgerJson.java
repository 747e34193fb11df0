package io.ledgernode.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one strict JSON mapping of the interface. Reading rejects unknown fields, duplicate keys, trailing content, wrong
 * scalar types (no number-to-string or string-to-number coercion) and nulls for primitives, each as
 * {@link ErrorCode#INVALID_ARGUMENT} (or the code a constructor chose, e.g. {@link ErrorCode#INVALID_AMOUNT}). Writing
 * is deterministic: the declared fields of each class, sorted by name, map entries sorted, no whitespace, nulls
 * written, so every endorsing peer produces the same bytes.
 */
public final class LedgerJson {
    /** Largest JSON document read (a full {@code Accounts:openMany} fits well within it). */
    public static final int DOCUMENT_LENGTH_MAX = 4 * 1024 * 1024;
    /** Deepest nesting read; the interface needs four levels. */
    public static final int NESTING_DEPTH_MAX = 16;
    /** Longest string or number token read. */
    public static final int TOKEN_LENGTH_MAX = 4096;

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private LedgerJson() {}

    /**
     * A new mapper configured like the interface's own: for clients that need an {@link ObjectMapper} (e.g. to plug
     * into a framework). Do not loosen it.
     */
    public static ObjectMapper newMapper() {
        final JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(DOCUMENT_LENGTH_MAX)
                        .maxNestingDepth(NESTING_DEPTH_MAX)
                        .maxStringLength(TOKEN_LENGTH_MAX)
                        .maxNumberLength(64)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .disable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                .disable(MapperFeature.INFER_PROPERTY_MUTATORS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                // The JSON shape of a class is exactly its fields; helper methods never leak into it.
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .build();
    }

    /** Reads a JSON object of the given type; every failure is a {@link LedgerException}. */
    public static <T> T read(final byte[] json, final Class<T> type) {
        Require.present("request", json);
        return read(MAPPER.readerFor(type), json);
    }

    /** Reads a JSON object of the given type from text; every failure is a {@link LedgerException}. */
    public static <T> T read(final String json, final Class<T> type) {
        Require.present("request", json);
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /**
     * Reads a JSON object of the given type from tokens a caller has already read within these limits (e.g. a request
     * body, to which it added fields of its own); every failure is a {@link LedgerException}, as from bytes.
     */
    public static <T> T read(final JsonParser json, final Class<T> type) {
        Require.present("request", json);
        final T value;
        try {
            value = MAPPER.readerFor(type).readValue(json);
        } catch (final IOException e) {
            throw rejection(e);
        }
        if (value == null) {
            throw Require.invalid("expected a JSON object, got null");
        }
        return value;
    }

    /** The deterministic JSON bytes of a value. */
    public static byte[] write(final Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (final JsonProcessingException e) {
            // Every interface class is plain data; failing to write one is a programming error.
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** The deterministic JSON text of a value. */
    public static String writeString(final Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    private static <T> T read(final ObjectReader reader, final byte[] json) {
        final T value;
        try {
            value = reader.readValue(json);
        } catch (final IOException e) {
            throw rejection(e);
        }
        if (value == null) {
            throw Require.invalid("expected a JSON object, got null");
        }
        return value;
    }

    /** A constructor's own rejection if it caused the failure, else INVALID_ARGUMENT naming where it failed. */
    private static LedgerException rejection(final IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerException) {
                return (LedgerException) cause;
            }
        }
        if (failure instanceof UnrecognizedPropertyException) {
            final UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) failure;
            return Require.invalid("unknown field " + Require.quoted(unknown.getPropertyName())
                    + at(unknown.getPath()));
        }
        if (failure instanceof JsonMappingException) {
            final JsonMappingException mapping = (JsonMappingException) failure;
            return Require.invalid("wrong type or value" + at(mapping.getPath()));
        }
        final String reason = failure instanceof JsonProcessingException
                ? ((JsonProcessingException) failure).getOriginalMessage()
                : failure.getMessage();
        return Require.invalid("malformed JSON: " + Require.quoted(String.valueOf(reason)));
    }

    private static String at(final List<JsonMappingException.Reference> path) {
        final StringBuilder out = new StringBuilder();
        for (final JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "" : " at " + out;
    }
}
