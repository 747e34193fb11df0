package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** One world-state write of a transaction's read-write set ({@code KVWrite}) in its chaincode namespace. */
public record StateWrite(String namespace, String key, boolean delete, ByteString value) {
    public StateWrite {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
