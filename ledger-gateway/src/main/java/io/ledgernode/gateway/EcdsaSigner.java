package io.ledgernode.gateway;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Signs Fabric digests with an EC private key using the JDK's own ECDSA (SunEC), in the low-S form Fabric requires.
 *
 * <p>Why not {@code Signers.newPrivateKeySigner}: it signs through BouncyCastle's JCA provider, which converts the key's
 * curve parameters into a new curve object on every signature and so recomputes the generator's multiplication table
 * each time. A profile of node-service under transfers showed that signing (twice per transaction: proposal and
 * envelope) was the largest single cost of a write, about a quarter of the process's CPU. The JDK's P-256 code keeps its
 * tables, and signs the same digest into an equally valid signature several times faster.
 *
 * <p>Fabric's peers and orderers accept only signatures whose S is at most half the curve order (the other of the two
 * valid S values would let anyone alter a transaction's signature, and so its hash); the JDK does not normalise, so
 * this does, as Fabric's own signers do.
 */
public final class EcdsaSigner implements Signer {

    private final PrivateKey key;
    private final BigInteger order;
    private final BigInteger halfOrder;

    private EcdsaSigner(PrivateKey key, BigInteger order) {
        this.key = key;
        this.order = order;
        this.halfOrder = order.shiftRight(1);
    }

    /** A signer with {@code key}, which must be an EC key (Fabric's identities are P-256 or P-384). */
    public static EcdsaSigner of(PrivateKey key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPrivateKey ec)) {
            throw new GeneralSecurityException("an ECDSA signer needs an EC private key, not " + key.getAlgorithm());
        }
        // The same key as the JDK's own key class, whatever provider read it (BouncyCastle, for PEM files).
        PrivateKey jdkKey = KeyFactory.getInstance("EC", "SunEC").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        EcdsaSigner signer = new EcdsaSigner(jdkKey, ec.getParams().getOrder());
        // One signature now: a key the JDK cannot sign with fails here, as the connection opens, not at a first transfer.
        signer.sign(new byte[32]);
        return signer;
    }

    /** A DER signature of {@code digest} (already hashed by the gateway client) with S in the lower half. */
    @Override
    public byte[] sign(byte[] digest) throws GeneralSecurityException {
        // A Signature is not thread-safe and is cheap to obtain for SunEC: one per call, so any thread may sign.
        Signature ecdsa = Signature.getInstance("NONEwithECDSA", "SunEC");
        ecdsa.initSign(key);
        ecdsa.update(digest);
        return lowS(ecdsa.sign());
    }

    private byte[] lowS(byte[] der) throws GeneralSecurityException {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (s.compareTo(halfOrder) <= 0) {
                return der;
            }
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(order.subtract(s))})
                    .getEncoded();
        } catch (IOException | IllegalArgumentException e) {
            throw new GeneralSecurityException("the JDK answered an ECDSA signature that is not DER", e);
        }
    }
}
