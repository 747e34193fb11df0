package io.ledgernode.proof.trust;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** A block the auditor already holds: its number (unsigned) and header hash. */
public record TrustedBlock(long number, ByteString headerHash) {
    public TrustedBlock {
        Objects.requireNonNull(headerHash, "headerHash");
    }
}
