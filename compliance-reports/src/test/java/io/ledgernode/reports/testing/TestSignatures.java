package io.ledgernode.reports.testing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Detached CMS signatures with any set of signers (none, two, the wrong ones), to show the verifier refuses them. */
public final class TestSignatures {

    private TestSignatures() {
    }

    /** A detached DER SignedData over {@code content} by every one of {@code signers}, carrying their certificates. */
    public static byte[] sign(byte[] content, List<TestPki.Identity> signers, List<X509Certificate> extraCertificates)
            throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        List<X509Certificate> certificates = new ArrayList<>(extraCertificates);
        for (TestPki.Identity signer : signers) {
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(
                            new JcaContentSignerBuilder("SHA256withECDSA").build(signer.key()), signer.certificate()));
            certificates.add(signer.certificate());
        }
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
    }

    public static byte[] sign(byte[] content, TestPki.Identity... signers) throws Exception {
        return sign(content, List.of(signers), List.of());
    }
}
