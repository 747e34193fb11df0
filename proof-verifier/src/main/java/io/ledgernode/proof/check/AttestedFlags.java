package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;

/** The validation flags (and commit hash) of the transaction's block that enough member orgs attest, identically. */
record AttestedFlags(ByteString flags, ByteString commitHash, List<String> mspIds) {
    AttestedFlags {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(commitHash, "commitHash");
        mspIds = List.copyOf(mspIds);
    }
}
