package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reading X.509 certificates and CRLs from PEM, and the few of their fields Fabric's MSP looks at. */
public final class Certificates {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----\n";
    private static final String END = "-----END CERTIFICATE-----\n";
    private static final int PEM_LINE_LENGTH = 64;

    private Certificates() {}

    /** Every certificate in PEM text (Fabric's MSP fields hold one each, a trust file may hold several). */
    public static List<X509Certificate> readAll(byte[] pem) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (var certificate : factory().generateCertificates(new ByteArrayInputStream(pem))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    /** The one certificate in {@code pem}; more or fewer is an error. */
    public static X509Certificate read(byte[] pem) throws CertificateException {
        List<X509Certificate> all = readAll(pem);
        if (all.size() != 1) {
            throw new CertificateException("expected one certificate, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * The certificate in {@code pem} written exactly as Go's {@code pem.Encode} writes it (64-character lines, one
     * final newline), the only spelling accepted where a certificate stands outside any hash, as in attestations.
     */
    public static X509Certificate readCanonical(String pem) throws CertificateException {
        X509Certificate certificate = read(pem.getBytes(StandardCharsets.US_ASCII));
        if (!pem(certificate).equals(pem)) {
            throw new CertificateException("certificate is not in canonical PEM form");
        }
        return certificate;
    }

    /** The canonical PEM of a certificate. */
    public static String pem(X509Certificate certificate) {
        String body = Base64.getEncoder().encodeToString(encoded(certificate).toByteArray());
        StringBuilder out = new StringBuilder(BEGIN);
        for (int i = 0; i < body.length(); i += PEM_LINE_LENGTH) {
            out.append(body, i, Math.min(body.length(), i + PEM_LINE_LENGTH)).append('\n');
        }
        return out.append(END).toString();
    }

    public static X509CRL readCrl(byte[] pem) throws CRLException {
        return (X509CRL) factory().generateCRL(new ByteArrayInputStream(pem));
    }

    public static ByteString encoded(X509Certificate certificate) {
        try {
            return ByteString.copyFrom(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            // A certificate parsed from bytes always has its encoding.
            throw new IllegalStateException("certificate has no encoding", e);
        }
    }

    /** The values of the subject's OU attributes, in order: Fabric's node OUs ({@code client}, {@code peer}, ...). */
    public static List<String> organizationalUnits(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> units = new ArrayList<>();
        for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
            for (var attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(BCStyle.OU)) {
                    units.add(text(attribute.getValue()));
                }
            }
        }
        return units;
    }

    /** {@code CN=...} of the subject, for messages. */
    public static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        return names.length == 0 ? subject.toString() : "CN=" + text(names[0].getFirst().getValue());
    }

    public static boolean isCertificateAuthority(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    private static String text(ASN1Encodable value) {
        // Plain string types as they are; anything else, or a string that does not decode (a hostile certificate may
        // carry invalid UTF-8), in RFC 4514 form.
        if (value instanceof ASN1String string) {
            try {
                return string.getString();
            } catch (IllegalArgumentException e) {
                return IETFUtils.valueToString(value);
            }
        }
        return IETFUtils.valueToString(value);
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            // Every Java platform must provide X.509.
            throw new IllegalStateException("X.509 certificates are not supported by this Java runtime", e);
        }
    }
}
