package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * An organizational unit as Fabric's MSP matches it: the OU name and, when the configuration names a CA for it, the
 * certifiers identifier (SHA-256 over that CA's chain up to its root); empty certifiers match any chain.
 */
record OuIdentifier(String unit, ByteString certifiers) {
    OuIdentifier {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(certifiers, "certifiers");
    }

    boolean matches(String certificateUnit, ByteString certificateCertifiers) {
        return unit.equals(certificateUnit) && (certifiers.isEmpty() || certifiers.equals(certificateCertifiers));
    }
}
