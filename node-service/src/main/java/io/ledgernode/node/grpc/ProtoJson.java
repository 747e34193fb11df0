package io.ledgernode.node.grpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.ledgernode.node.http.Json;
import java.io.IOException;

/**
 * Proto requests as the JSON the REST API takes. The .proto's field names are the REST fields in snake_case, so
 * proto3's JSON mapping turns one into the other exactly; both transports then share one implementation of every
 * rule. (Read answers go the other way as records, built into protos field by field: {@link ProtoAnswers}.)
 */
final class ProtoJson {

    // Empty strings and zero values are absent fields: the REST API's optional fields are simply not sent.
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

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
}
