package io.ledgernode.reports.testing;

import io.ledgernode.reports.ReportsConfig;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates as Fabric's cryptogen makes them (EC P-256, a CA and leaves it issues, PKCS#8 keys in PEM), plus the
 * wrong ones the verifier must refuse: self-signed, issued by another CA, without digitalSignature, expired.
 */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A certificate and its private key. */
    public record Identity(X509Certificate certificate, PrivateKey key) {
    }

    public final Identity ca;
    public final Identity signer;
    public final Identity secondSigner;
    public final Identity selfSigned;
    public final Identity otherCa;
    public final Identity otherCaSigner;
    public final Identity noDigitalSignature;
    public final Identity expired;

    private TestPki() throws Exception {
        ca = certificateAuthority("ca.org1.ledger.local");
        signer = leaf("User1@org1.ledger.local", ca, KeyUsage.digitalSignature, Duration.ofDays(-1), Duration.ofDays(3650));
        secondSigner = leaf("User2@org1.ledger.local", ca, KeyUsage.digitalSignature, Duration.ofDays(-1),
                Duration.ofDays(3650));
        KeyPair own = ecKeys();
        selfSigned = new Identity(certificate(cn("User1@org1.ledger.local"), own, null, own.getPrivate(), false,
                KeyUsage.digitalSignature, Duration.ofDays(-1), Duration.ofDays(3650)), own.getPrivate());
        otherCa = certificateAuthority("ca.org2.ledger.local");
        otherCaSigner = leaf("User1@org2.ledger.local", otherCa, KeyUsage.digitalSignature, Duration.ofDays(-1),
                Duration.ofDays(3650));
        noDigitalSignature = leaf("Encrypt@org1.ledger.local", ca, KeyUsage.keyEncipherment, Duration.ofDays(-1),
                Duration.ofDays(3650));
        expired = leaf("Old@org1.ledger.local", ca, KeyUsage.digitalSignature, Duration.ofDays(-30),
                Duration.ofDays(-1));
    }

    public static TestPki create() throws Exception {
        return new TestPki();
    }

    /** Writes the CA certificate, the signer's certificate and key, and a pseudonym key; a config using them. */
    public ReportsConfig config(Path directory, Path reportsRoot) throws IOException {
        Files.createDirectories(directory);
        Path ca = writeCertificate(directory.resolve("ca.pem"), this.ca.certificate());
        Path certificate = writeCertificate(directory.resolve("User1@org1.ledger.local-cert.pem"),
                signer.certificate());
        Path key = writeKey(directory.resolve("priv_sk"), signer.key());
        Path pseudonymKey = directory.resolve("pseudonym.key");
        Files.write(pseudonymKey, "a fixed test key of thirty-two bytes or more, never used elsewhere"
                .getBytes(StandardCharsets.US_ASCII));
        return ReportsConfig.of(reportsRoot, "node-test", "Org1MSP", certificate, key, ca, pseudonymKey);
    }

    public static Path writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(certificate);
        }
        return file;
    }

    /** An unencrypted PKCS#8 PEM file, as cryptogen writes {@code keystore/priv_sk}. */
    public static Path writeKey(Path file, PrivateKey key) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null).generate());
        }
        return file;
    }

    private static Identity certificateAuthority(String name) throws Exception {
        KeyPair keys = ecKeys();
        return new Identity(certificate(cn(name), keys, null, keys.getPrivate(), true,
                KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign, Duration.ofDays(-1),
                Duration.ofDays(3650)), keys.getPrivate());
    }

    private static Identity leaf(String name, Identity issuer, int keyUsage, Duration from, Duration to)
            throws Exception {
        KeyPair keys = ecKeys();
        return new Identity(certificate(cn(name), keys, issuer.certificate(), issuer.key(), false, keyUsage, from,
                to), keys.getPrivate());
    }

    private static X500Name cn(String name) {
        String domain = name.substring(name.indexOf(name.contains("@") ? '@' : '.') + 1);
        return new X500Name("CN=" + name + ",O=" + domain + ",C=US");
    }

    /** A certificate of {@code subjectName}, issued by {@code issuer} (self-signed when null). */
    private static X509Certificate certificate(X500Name subjectName, KeyPair keys, X509Certificate issuer,
            PrivateKey issuerKey, boolean ca, int keyUsage, Duration from, Duration to) throws Exception {
        Instant now = Instant.now();
        X500Name issuerName = issuer == null ? subjectName
                : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.plus(from)), Date.from(now.plus(to)),
                subjectName, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                ? extensions.createAuthorityKeyIdentifier(keys.getPublic())
                : extensions.createAuthorityKeyIdentifier(issuer));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }
}
