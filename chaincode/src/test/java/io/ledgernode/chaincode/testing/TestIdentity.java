package io.ledgernode.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A real Fabric client identity: an X.509 certificate issued by its org's CA, with the node OU in the subject and,
 * optionally, Fabric CA's attribute extension, serialized as the {@code SerializedIdentity} a transaction's creator is.
 */
public final class TestIdentity {
    /** The extension Fabric CA stores attributes in, as JSON {@code {"attrs":{...}}}. */
    private static final ASN1ObjectIdentifier ATTRIBUTES_OID = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final Map<String, KeyPair> CA_KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private final String mspId;
    private final byte[] creator;

    private TestIdentity(final String mspId, final byte[] creator) {
        this.mspId = mspId;
        this.creator = creator;
    }

    /** A client (node OU {@code client}) of an org. */
    public static TestIdentity client(final String mspId, final String name) {
        return create(mspId, name, "client", null);
    }

    /** An admin (node OU {@code admin}) of an org. */
    public static TestIdentity admin(final String mspId, final String name) {
        return create(mspId, name, "admin", null);
    }

    /** A client of an org whose certificate carries {@code ledger.role=<role>}. */
    public static TestIdentity withRole(final String mspId, final String name, final String role) {
        return create(mspId, name, "client", "{\"attrs\":{\"hf.EnrollmentID\":\"" + name + "\",\"ledger.role\":\""
                + role + "\"}}");
    }

    public String mspId() {
        return mspId;
    }

    /** The serialized identity, as {@code stub.getCreator()} returns it. */
    public byte[] creator() {
        return creator.clone();
    }

    private static TestIdentity create(final String mspId, final String name, final String nodeOu,
            final String attributesJson) {
        try {
            final KeyPair ca = CA_KEYS.computeIfAbsent(mspId, unused -> newKeyPair());
            final KeyPair own = newKeyPair();
            final Instant now = Instant.now();
            final X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name("C=US,O=" + mspId + ",CN=ca." + mspId),
                    BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                    new X500Name("C=US,O=" + mspId + ",OU=" + nodeOu + ",CN=" + name), own.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (attributesJson != null) {
                builder.addExtension(ATTRIBUTES_OID, false, attributesJson.getBytes(UTF_8));
            }
            final ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate());
            final X509CertificateHolder certificate = builder.build(signer);
            final StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            final byte[] creator = SerializedIdentity.newBuilder().setMspid(mspId)
                    .setIdBytes(ByteString.copyFrom(pem.toString(), UTF_8)).build().toByteArray();
            return new TestIdentity(mspId, creator);
        } catch (final IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test identity " + name, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is in every JDK", e);
        }
    }
}
