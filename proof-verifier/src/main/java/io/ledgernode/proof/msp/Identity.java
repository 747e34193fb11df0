package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A signer as Fabric names it: the MSP id from its {@code SerializedIdentity} and its certificate. Two identities
 * are the same signer when both are equal, whatever else differs in how they were serialized.
 */
public record Identity(String mspId, X509Certificate certificate) {
    public Identity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The key Fabric de-duplicates signatures by: MSP id and the certificate's bytes. */
    public ByteString key() {
        return ByteString.copyFromUtf8(mspId + "\u0000").concat(Certificates.encoded(certificate));
    }

    /** For messages: {@code Org1MSP CN=peer0.org1.ledger.local}. */
    public String describe() {
        return mspId + " " + Certificates.commonName(certificate);
    }
}
