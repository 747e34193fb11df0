package io.ledgernode.proof.bundle;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** One key the transaction writes (or deletes) in the world state, with the value it writes. */
public record ClaimedWrite(String namespace, String key, boolean delete, ByteString value) {
    public ClaimedWrite {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return namespace + ":" + key.replace('\u0000', '/') + (delete ? " deleted" : " = " + value.size() + " bytes");
    }
}
