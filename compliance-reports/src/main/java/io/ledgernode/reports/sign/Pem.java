package io.ledgernode.reports.sign;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads the PEM files Fabric's cryptogen writes. */
public final class Pem {

    private Pem() {
    }

    /** The first certificate of a PEM file. */
    public static X509Certificate certificate(Path file) throws IOException {
        Object object = first(file);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new IOException(file + " does not start with a PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IOException(file + " holds a certificate that cannot be read: " + e.getMessage(), e);
        }
    }

    /** The private key of a PEM file: PKCS#8 ({@code PRIVATE KEY}, as cryptogen writes it) or SEC1 {@code EC PRIVATE KEY}. */
    public static PrivateKey privateKey(Path file) throws IOException {
        Object object = first(file);
        PrivateKeyInfo info = switch (object) {
            case PrivateKeyInfo pkcs8 -> pkcs8;
            case PEMKeyPair pair -> pair.getPrivateKeyInfo();
            case null, default -> throw new IOException(file + " does not start with an unencrypted PEM private key");
        };
        return new JcaPEMKeyConverter().getPrivateKey(info);
    }

    private static Object first(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }
}
