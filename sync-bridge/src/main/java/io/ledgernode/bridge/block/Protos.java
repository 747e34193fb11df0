package io.ledgernode.bridge.block;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;

/** Decoding the nested byte strings of an envelope, each failure named by what was being read. */
final class Protos {
    private Protos() {}

    static <T> T parse(final String what, final Parser<T> parser, final ByteString bytes) throws MalformedException {
        try {
            return parser.parseFrom(bytes);
        } catch (final InvalidProtocolBufferException e) {
            throw new MalformedException(what + " is not a valid protobuf message: " + e.getMessage(), e);
        }
    }

    /** The bytes as UTF-8, refusing malformed sequences rather than replacing them. */
    static String utf8(final String what, final ByteString bytes) throws MalformedException {
        MalformedException.require(bytes.isValidUtf8(), what + " is not valid UTF-8");
        return bytes.toStringUtf8();
    }
}
