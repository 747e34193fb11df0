package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;

/** A block, envelope or configuration that does not have the structure Fabric gives it. */
public final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedException(String message) {
        super(message);
    }

    public static void require(boolean condition, String message) throws MalformedException {
        if (!condition) {
            throw new MalformedException(message);
        }
    }

    /** Parses a nested message, naming it when it is not one. */
    public static <T> T parse(String what, Parser<T> parser, ByteString bytes) throws MalformedException {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedException(what + " is not a valid protobuf message: " + e.getMessage());
        }
    }
}
