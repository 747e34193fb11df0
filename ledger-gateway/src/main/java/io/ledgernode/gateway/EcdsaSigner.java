package io.ledgernode.gateway;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Signs Fabric digests with an EC private key (P-256 or P-384, the curves of Fabric identities) in the low-S form
 * Fabric requires, with BouncyCastle's ECDSA on its optimised curve code and a domain kept for the signer's life.
 *
 * <p>Signing is node-service's largest cost of a write: twice per transaction (proposal and envelope). Two faster
 * ways were measured against each other (`SignerBenchmark`, one thread, P-256): fabric-gateway's own
 * {@code Signers.newPrivateKeySigner} goes through BouncyCastle's JCA provider, which converts the key's curve into a
 * new curve object on every signature and so recomputes the generator's multiplication table each time (4,380/s);
 * the JDK's SunEC keeps its tables (7,320 to 9,900/s); BouncyCastle's own {@link ECDSASigner} with one domain, whose
 * generator table is computed once and cached on its curve, signs about 1.8 times as fast again as the JDK.
 *
 * <p>The nonce is derived from the key and the digest (RFC 6979, HMAC-SHA-256), so no signature waits on the system's
 * random source or depends on its quality; the same digest gets the same signature, which is as valid as any other.
 * Fabric's peers and orderers accept only signatures whose S is at most half the curve order (the other of the two
 * valid S values would let anyone alter a transaction's signature, and so its hash), so this normalises S, as
 * Fabric's own signers do.
 */
public final class EcdsaSigner implements Signer {

    /** Fabric's identity curves, by the name BouncyCastle's optimised implementations go by. */
    private static final List<String> CURVES = List.of("secp256r1", "secp384r1");

    private final ECPrivateKeyParameters key;
    private final BigInteger order;
    private final BigInteger halfOrder;

    private EcdsaSigner(ECPrivateKeyParameters key) {
        this.key = key;
        this.order = key.getParameters().getN();
        this.halfOrder = order.shiftRight(1);
    }

    /** A signer with {@code key}, which must be an EC key on P-256 or P-384. */
    public static EcdsaSigner of(PrivateKey key) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPrivateKey ec)) {
            throw new GeneralSecurityException("an ECDSA signer needs an EC private key, not " + key.getAlgorithm());
        }
        EcdsaSigner signer = new EcdsaSigner(new ECPrivateKeyParameters(ec.getS(), domain(ec.getParams())));
        // One signature now: the generator's table is computed here, as the connection opens, not at a first transfer.
        signer.sign(new byte[32]);
        return signer;
    }

    /** The optimised domain of the key's curve, found by its order and generator (the key names no curve). */
    private static ECDomainParameters domain(ECParameterSpec params) throws GeneralSecurityException {
        for (String name : CURVES) {
            X9ECParameters curve = CustomNamedCurves.getByName(name);
            if (curve.getN().equals(params.getOrder())
                    && curve.getG().getAffineXCoord().toBigInteger().equals(params.getGenerator().getAffineX())
                    && curve.getG().getAffineYCoord().toBigInteger().equals(params.getGenerator().getAffineY())) {
                return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
            }
        }
        throw new GeneralSecurityException("an ECDSA signer needs a key on P-256 or P-384 (Fabric's identity curves), not"
                + " one on a curve of " + params.getOrder().bitLength() + "-bit order");
    }

    /** A DER signature of {@code digest} (already hashed by the gateway client) with S in the lower half. */
    @Override
    public byte[] sign(byte[] digest) throws GeneralSecurityException {
        // A signer holds one signature's state and is cheap to make: one per call, so any thread may sign.
        ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        ecdsa.init(true, key);
        BigInteger[] rs = ecdsa.generateSignature(digest);
        BigInteger s = rs[1].compareTo(halfOrder) <= 0 ? rs[1] : order.subtract(rs[1]);
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode an ECDSA signature", e);
        }
    }
}
