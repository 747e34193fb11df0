package io.ledgernode.reports.verify;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * The checks of a detached CMS signature over a manifest, against one pinned CA certificate. Each check is one line;
 * the first that cannot let the next ones run ends the list, failed. Every subject names the signature file, so a
 * reader knows which file a failure is about.
 *
 * <p>The signature file is hostile input: Bouncy Castle parses much of it lazily, so a reading of any of its parts
 * (signer infos, certificates, signed attributes, extensions) may throw an unchecked exception. Each step catches
 * them and fails its own check with the reason, so {@link #run} always answers with lines, never with an exception.
 */
final class SignatureChecks {

    static final String SUBJECT = "manifest.json.p7s";
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private final X509Certificate ca;
    private final List<Check> checks = new ArrayList<>();

    private SignatureChecks(X509Certificate ca) {
        this.ca = ca;
    }

    /** The checks of {@code signature} over {@code content}. */
    static List<Check> run(X509Certificate ca, byte[] content, byte[] signature) {
        SignatureChecks run = new SignatureChecks(ca);
        run.all(content, signature);
        return List.copyOf(run.checks);
    }

    private void all(byte[] content, byte[] signature) {
        CMSSignedData signed;
        try {
            if (new CMSSignedData(signature).getSignedContent() != null) {
                fail("CMS", "the signature encapsulates content: a detached signature over manifest.json is required");
                return;
            }
            signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        } catch (CMSException | RuntimeException e) {
            fail("CMS", "not a DER CMS SignedData (altered?): " + reason(e));
            return;
        }
        pass("CMS", "a detached CMS SignedData");
        SignerInformation signer = onlySigner(signed);
        if (signer == null) {
            return;
        }
        X509Certificate certificate = certificate(signed, signer);
        if (certificate == null || !chains(certificate) || !validAtSigningTime(signer, certificate)
                || !mayDigitallySign(certificate)) {
            return;
        }
        signatureValue(signer, certificate);
    }

    /** The one signer, or null (and a failed check) when there are none, several, or they cannot be read. */
    private SignerInformation onlySigner(CMSSignedData signed) {
        Collection<SignerInformation> signers;
        try {
            signers = signed.getSignerInfos().getSigners();
        } catch (RuntimeException e) {
            fail("signers", "the signer infos cannot be read (altered?): " + reason(e));
            return null;
        }
        if (signers.size() != 1) {
            fail("signers", signers.size() + " signers, exactly one is required");
            return null;
        }
        pass("signers", "exactly one signer");
        return signers.iterator().next();
    }

    private X509Certificate certificate(CMSSignedData signed, SignerInformation signer) {
        Collection<X509CertificateHolder> matches;
        try {
            @SuppressWarnings("unchecked")
            Selector<X509CertificateHolder> sid = (Selector<X509CertificateHolder>) signer.getSID();
            matches = signed.getCertificates().getMatches(sid);
        } catch (RuntimeException e) {
            fail("signer certificate", "the certificates cannot be read (altered?): " + reason(e));
            return null;
        }
        if (matches.size() != 1) {
            fail("signer certificate", matches.size() + " certificates match the signer, exactly one is required");
            return null;
        }
        try {
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(matches.iterator().next());
        } catch (CertificateException | RuntimeException e) {
            fail("signer certificate", "cannot be read: " + reason(e));
            return null;
        }
    }

    private boolean chains(X509Certificate certificate) {
        try {
            return chainsToCa(certificate);
        } catch (RuntimeException e) {
            fail("certificate chain", "the signer's certificate cannot be checked (altered?): " + reason(e));
            return false;
        }
    }

    private boolean chainsToCa(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        if (selfSigned(certificate)) {
            fail("certificate chain", "the signer " + subject + " is self-signed, not issued by the CA");
            return false;
        }
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            fail("certificate chain", "the signer " + subject + " is issued by "
                    + certificate.getIssuerX500Principal().getName() + ", not by the CA "
                    + ca.getSubjectX500Principal().getName());
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            fail("certificate chain", "the signer " + subject + " names the CA as issuer but the CA's key did not "
                    + "sign it");
            return false;
        }
        pass("certificate chain", "the signer " + subject + " is issued by the CA "
                + ca.getSubjectX500Principal().getName());
        return true;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean validAtSigningTime(SignerInformation signer, X509Certificate certificate) {
        Date signingTime;
        try {
            signingTime = signingTime(signer);
        } catch (RuntimeException e) {
            fail("validity", "the signed attributes cannot be read (altered?): " + reason(e));
            return false;
        }
        if (signingTime == null) {
            fail("validity", "no signing time among the signed attributes");
            return false;
        }
        try {
            certificate.checkValidity(signingTime);
            ca.checkValidity(signingTime);
        } catch (CertificateException | RuntimeException e) {
            fail("validity", "the signer's or the CA's certificate was not valid at the signing time "
                    + signingTime.toInstant() + ": " + reason(e));
            return false;
        }
        pass("validity", "the certificates were valid at the signing time " + signingTime.toInstant());
        return true;
    }

    private static Date signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return null;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return Time.getInstance(value).getDate();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean mayDigitallySign(X509Certificate certificate) {
        boolean[] usage;
        try {
            usage = certificate.getKeyUsage();
        } catch (RuntimeException e) {
            fail("key usage", "the signer's key usage cannot be read (altered?): " + reason(e));
            return false;
        }
        if (usage == null) {
            pass("key usage", "no key usage extension: any use is allowed");
            return true;
        }
        if (usage.length == 0 || !usage[0]) {
            fail("key usage", "the signer's key usage does not include digitalSignature");
            return false;
        }
        pass("key usage", "digitalSignature");
        return true;
    }

    private void signatureValue(SignerInformation signer, X509Certificate certificate) {
        try {
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(PROVIDER)
                    .build(certificate));
            if (valid) {
                pass("signature", "verifies over manifest.json");
            } else {
                fail("signature", "the signature value does not verify (manifest.json.p7s altered?)");
            }
        } catch (CMSSignerDigestMismatchException e) {
            fail("signature", "manifest.json was altered: its digest differs from the signed one");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            fail("signature", "does not verify: " + reason(e));
        }
    }

    /** An exception's message on one line (the signature's bytes shape it), or its type when it has none. */
    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private void pass(String check, String detail) {
        checks.add(Check.pass(SUBJECT + " " + check, detail));
    }

    private void fail(String check, String detail) {
        checks.add(Check.fail(SUBJECT + " " + check, detail));
    }
}
