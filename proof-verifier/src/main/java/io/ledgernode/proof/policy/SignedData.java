package io.ledgernode.proof.policy;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * Fabric's {@code protoutil.SignedData}: what was signed, by which serialized identity, with which signature.
 *
 * @param what names the signature in messages ("endorsement 1", "orderer signature 0")
 */
public record SignedData(String what, ByteString data, ByteString identity, ByteString signature) {
    public SignedData {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(signature, "signature");
    }
}
