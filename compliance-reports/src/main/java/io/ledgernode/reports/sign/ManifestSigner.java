package io.ledgernode.reports.sign;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs manifests with one identity. The signature carries the signed attributes content type, message digest and
 * signing time (the moment of signing: a verifier checks the certificate was valid then).
 */
public final class ManifestSigner {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private ManifestSigner(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    public static ManifestSigner of(X509Certificate certificate, PrivateKey key) {
        return new ManifestSigner(certificate, key);
    }

    /** The identity of a certificate PEM and a PKCS#8 private key PEM. */
    public static ManifestSigner load(Path certificatePem, Path privateKeyPem) throws IOException {
        return new ManifestSigner(Pem.certificate(certificatePem), Pem.privateKey(privateKeyPem));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A detached CMS SignedData over {@code content}, DER-encoded, with the signer's certificate. */
    public byte[] sign(byte[] content) throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm()).setProvider(PROVIDER).build(key);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build()).build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new GeneralSecurityException("signing the manifest failed: " + e.getMessage(), e);
        }
    }

    private String algorithm() {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported signing key algorithm " + key.getAlgorithm());
        };
    }
}
