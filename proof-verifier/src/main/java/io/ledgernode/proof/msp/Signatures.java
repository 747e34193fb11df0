package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Verifies signatures the way Fabric's MSP does ({@code identity.Verify} with the SW BCCSP): ECDSA over SHA-256 of
 * the message, the signature a strict DER {@code SEQUENCE {r, s}} with {@code s} at most half the curve order (Fabric
 * refuses the malleable high-S twin of a valid signature); Ed25519 over the message itself.
 */
public final class Signatures {
    private Signatures() {}

    /** Why the signature is not valid, or empty when it is. */
    public static Optional<String> problem(PublicKey key, byte[] message, ByteString signature) {
        return Optional.ofNullable(switch (key.getAlgorithm()) {
            case "EC" -> ecdsaProblem((ECPublicKey) key, message, signature.toByteArray());
            case "Ed25519", "EdDSA" -> verify("Ed25519", key, message, signature.toByteArray())
                    ? null : "the signature does not verify";
            default -> "unsupported public key algorithm " + key.getAlgorithm();
        });
    }

    /** Why the signature is not valid for the identity's certificate, or empty when it is. */
    public static Optional<String> problem(Identity signer, byte[] message, ByteString signature) {
        return problem(signer.certificate().getPublicKey(), message, signature);
    }

    /** Null when valid: the one place a null stands for "no problem", kept private. */
    private static String ecdsaProblem(ECPublicKey key, byte[] message, byte[] der) {
        BigInteger s;
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() != 2 || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)) {
                return "the signature is not a strict DER SEQUENCE of r and s";
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (r.signum() <= 0 || s.signum() <= 0) {
                return "the signature's r or s is not positive";
            }
        } catch (IOException | IllegalArgumentException e) {
            return "the signature is not DER: " + e.getMessage();
        }
        BigInteger halfOrder = key.getParams().getOrder().shiftRight(1);
        if (s.compareTo(halfOrder) > 0) {
            return "the signature's s is above half the curve order (Fabric accepts only low-S signatures)";
        }
        return verify("SHA256withECDSA", key, message, der) ? null : "the signature does not verify";
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
