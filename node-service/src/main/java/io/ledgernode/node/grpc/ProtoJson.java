package io.ledgernode.node.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.ledgernode.node.http.Json;
import java.util.Map;

/**
 * REST answers as proto messages. The .proto's field names are the REST fields in snake_case, so proto3's JSON
 * mapping turns one into the other exactly. (Write requests do not come this way: {@link ProtoRequests} builds them.)
 */
final class ProtoJson {

    // Answers may carry columns the proto does not (yet) name; they are left out, never an error to the caller.
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private ProtoJson() {
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
