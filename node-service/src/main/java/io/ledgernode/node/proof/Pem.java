package io.ledgernode.node.proof;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A certificate in canonical PEM, exactly as Go's {@code pem.Encode} writes it (64-character lines, {@code \n}, one
 * final newline): the only spelling the proof-verifier accepts for the certificate of an attestation, which stands
 * outside every hash and so must not have two spellings.
 */
final class Pem {
    private static final int LINE_LENGTH = 64;

    private Pem() {}

    static String of(X509Certificate certificate) {
        String body;
        try {
            body = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            // A certificate read from a file always has its encoding.
            throw new IllegalStateException("certificate has no encoding", e);
        }
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < body.length(); i += LINE_LENGTH) {
            pem.append(body, i, Math.min(body.length(), i + LINE_LENGTH)).append('\n');
        }
        return pem.append("-----END CERTIFICATE-----\n").toString();
    }
}
