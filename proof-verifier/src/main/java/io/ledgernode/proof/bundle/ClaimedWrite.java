package io.ledgernode.proof.bundle;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.StateWrite;
import java.util.List;
import java.util.Objects;

/** One key the transaction writes (or deletes) in the world state, with the value it writes. */
public record ClaimedWrite(String namespace, String key, boolean delete, ByteString value) {
    public ClaimedWrite {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A transaction's world-state writes, in order, as the bundle states them. */
    public static List<ClaimedWrite> of(List<StateWrite> writes) {
        return writes.stream().map(w -> new ClaimedWrite(w.namespace(), w.key(), w.delete(), w.value())).toList();
    }

    @Override
    public String toString() {
        return namespace + ":" + key.replace('\u0000', '/') + (delete ? " deleted" : " = " + value.size() + " bytes");
    }
}
