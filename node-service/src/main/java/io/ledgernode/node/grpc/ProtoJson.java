package io.ledgernode.node.grpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.ledgernode.node.http.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Proto messages to and from the JSON the REST API speaks. The .proto's field names are the REST fields in
 * snake_case, so proto3's JSON mapping turns one into the other exactly; both transports then share one
 * implementation of every rule.
 */
final class ProtoJson {

    // Empty strings and zero values are absent fields: the REST API's optional fields are simply not sent.
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    // Answers may carry columns the proto does not (yet) name; they are left out, never an error to the caller.
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private ProtoJson() {
    }

    /** The request as the REST body it stands for, without the fields named in {@code drop} (e.g. the key). */
    static ObjectNode body(Message request, String... drop) {
        try {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(PRINTER.print(request));
            for (String field : drop) {
                body.remove(field);
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("a proto message did not print as JSON", e);
        }
    }

    /** A REST answer as the proto message {@code builder} builds. */
    static <B extends Message.Builder> B answer(Map<String, Object> answer, B builder) {
        try {
            PARSER.merge(Json.MAPPER.writeValueAsString(answer), builder);
            return builder;
        } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an answer does not fit its proto message", e);
        }
    }
}
