package io.ledgernode.netconfig.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes network descriptions strictly: an unknown or missing field is an error, not a default. */
public final class NetworkDescriptions {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private NetworkDescriptions() {
    }

    /** Reads {@code file}; any problem becomes an {@link InvalidNetworkException} naming the file and the field. */
    public static NetworkDescription read(Path file) {
        try {
            return YAML.readValue(Files.readString(file), NetworkDescription.class);
        } catch (NoSuchFileException e) {
            throw new InvalidNetworkException(file + ": no such file");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidNetworkException(file + ": " + cause.getMessage());
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidNetworkException(file + ": unknown field '" + e.getPropertyName() + "' at " + path(e));
        } catch (MismatchedInputException e) {
            // A missing field: Jackson's path ends with it ("ordering.consensus").
            String message = e.getOriginalMessage();
            String where = path(e);
            throw new InvalidNetworkException(file + ": " + (message.startsWith("Missing creator property")
                    ? "missing field '" + where + "'" : message + (where.isEmpty() ? "" : " at " + where)));
        } catch (IOException e) {
            throw new InvalidNetworkException(file + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    public static void write(NetworkDescription network, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# The description this network was generated from, ports as run.\n"
                    + YAML.writeValueAsString(network));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

}
