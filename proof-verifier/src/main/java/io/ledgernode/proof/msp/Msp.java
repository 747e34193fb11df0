package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One org's X.509 MSP: its root and intermediate CAs, explicit admins, revocation lists, OU restrictions and node
 * OUs, with Fabric's rules (msp/mspimpl.go, MSP version 1.4.2 and later) for what is a valid identity.
 *
 * <p>Validity periods are checked the way Fabric checks them: at the identity's own {@code notBefore} plus one
 * second, so a transaction stays provable after its signers' certificates expire.
 */
public final class Msp {
    /** Longest chain from an identity to a root; Fabric's CAs use one or two levels. */
    static final int CHAIN_DEPTH_MAX = 8;

    private final String id;
    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;
    private final Set<ByteString> admins;
    private final List<X509CRL> revocations;
    private final List<OuIdentifier> ouRestrictions;
    private final NodeOus nodeOus;
    // Each identity is looked at many times in one verification (validity, then each principal a policy tries);
    // its chain and verdict are computed once.
    private final Map<ByteString, Optional<String>> validations = new ConcurrentHashMap<>();
    private final Map<ByteString, List<X509Certificate>> chains = new ConcurrentHashMap<>();

    Msp(String id, List<X509Certificate> roots, List<X509Certificate> intermediates, Set<ByteString> admins,
        List<X509CRL> revocations, List<OuIdentifier> ouRestrictions, NodeOus nodeOus) {
        this.id = id;
        this.roots = List.copyOf(roots);
        this.intermediates = List.copyOf(intermediates);
        this.admins = Set.copyOf(admins);
        this.revocations = List.copyOf(revocations);
        this.ouRestrictions = List.copyOf(ouRestrictions);
        this.nodeOus = nodeOus;
    }

    public String id() {
        return id;
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    boolean isAdmin(X509Certificate certificate) {
        return admins.contains(Certificates.encoded(certificate));
    }

    NodeOus nodeOus() {
        return nodeOus;
    }

    /** Why {@code certificate} is not a valid identity of this MSP, or empty when it is. */
    public Optional<String> validationProblem(X509Certificate certificate) {
        return validations.computeIfAbsent(Certificates.encoded(certificate), key -> validate(certificate));
    }

    private Optional<String> validate(X509Certificate certificate) {
        if (Certificates.isCertificateAuthority(certificate)) {
            return Optional.of("a CA certificate cannot be an identity");
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        if (!algorithm.equals("EC") && !algorithm.equals("Ed25519") && !algorithm.equals("EdDSA")) {
            return Optional.of("public key algorithm " + algorithm + " is not supported by Fabric's MSP");
        }
        List<X509Certificate> chain = chain(certificate);
        if (chain.isEmpty()) {
            return Optional.of(Certificates.commonName(certificate) + " (issuer " + certificate.getIssuerX500Principal()
                    + ") does not chain to a root CA of " + id);
        }
        if (revoked(certificate, chain.get(1))) {
            return Optional.of(Certificates.commonName(certificate) + " is revoked by " + id + "'s revocation list");
        }
        return ouProblem(certificate, certifiers(chain));
    }

    /** The chain {@code certificate, issuer, ..., root}, or empty when it reaches no root of this MSP. */
    List<X509Certificate> chain(X509Certificate certificate) {
        return chains.computeIfAbsent(Certificates.encoded(certificate), key -> buildChain(certificate));
    }

    private List<X509Certificate> buildChain(X509Certificate certificate) {
        Date at = new Date(certificate.getNotBefore().getTime() + 1000);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        X509Certificate current = certificate;
        for (int depth = 0; depth < CHAIN_DEPTH_MAX; depth++) {
            X509Certificate root = issuerAmong(current, roots, at);
            if (root != null) {
                chain.add(root);
                return List.copyOf(chain);
            }
            X509Certificate intermediate = issuerAmong(current, intermediates, at);
            if (intermediate == null || chain.contains(intermediate)) {
                return List.of();
            }
            chain.add(intermediate);
            current = intermediate;
        }
        return List.of();
    }

    private static X509Certificate issuerAmong(X509Certificate certificate, List<X509Certificate> candidates, Date at) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && Certificates.isCertificateAuthority(candidate) && signedBy(certificate, candidate)
                    && validAt(candidate, at)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        return verifies(() -> certificate.verify(issuer.getPublicKey()));
    }

    private static boolean validAt(X509Certificate certificate, Date at) {
        return !at.before(certificate.getNotBefore()) && !at.after(certificate.getNotAfter());
    }

    private boolean revoked(X509Certificate certificate, X509Certificate issuer) {
        for (X509CRL crl : revocations) {
            if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) && crlSignedBy(crl, issuer)
                    && crl.isRevoked(certificate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean crlSignedBy(X509CRL crl, X509Certificate issuer) {
        // Fabric skips a revocation list whose signature does not hold, as if it were absent.
        return verifies(() -> crl.verify(issuer.getPublicKey()));
    }

    /** A signature check that throws when the signature does not hold. */
    @FunctionalInterface
    private interface SignatureCheck {
        void verify() throws GeneralSecurityException;
    }

    /** Whether {@code check} holds: a signature that does not is a plain no, not a failure. */
    private static boolean verifies(SignatureCheck check) {
        try {
            check.verify();
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The OU rules: one of the configured OU restrictions, and exactly one node OU when they are enforced. */
    private Optional<String> ouProblem(X509Certificate certificate, ByteString certifiers) {
        List<String> units = Certificates.organizationalUnits(certificate);
        if (!ouRestrictions.isEmpty()
                && ouRestrictions.stream().noneMatch(r -> units.stream().anyMatch(u -> r.matches(u, certifiers)))) {
            return Optional.of(Certificates.commonName(certificate) + " has none of the OUs " + id + " requires");
        }
        if (!nodeOus.enabled()) {
            return Optional.empty();
        }
        int roles = 0;
        for (String unit : units) {
            for (OuIdentifier nodeOu : nodeOus.all()) {
                if (nodeOu.unit().equals(unit)) {
                    if (!nodeOu.matches(unit, certifiers)) {
                        return Optional.of(Certificates.commonName(certificate) + "'s OU " + unit
                                + " is certified by another CA than " + id + " names for it");
                    }
                    roles++;
                }
            }
        }
        return roles == 1 ? Optional.empty() : Optional.of(Certificates.commonName(certificate) + " has " + roles
                + " node OU roles (client, peer, admin, orderer) in " + id + "; exactly one is required");
    }

    /** Whether {@code certificate} carries the node OU of a role (with the right certifiers). */
    boolean hasNodeOu(X509Certificate certificate, OuIdentifier role) {
        ByteString certifiers = certifiers(chain(certificate));
        return Certificates.organizationalUnits(certificate).stream().anyMatch(unit -> role.matches(unit, certifiers));
    }

    /** Whether {@code certificate} carries a given OU: the principal form, with its certifiers. */
    boolean hasOu(X509Certificate certificate, String unit, ByteString certifiersRequired) {
        ByteString certifiers = certifiers(chain(certificate));
        return certifiers.equals(certifiersRequired)
                && Certificates.organizationalUnits(certificate).contains(unit);
    }

    /** Fabric's certification chain identifier: SHA-256 over the chain without the identity itself. */
    static ByteString certifiers(List<X509Certificate> chain) {
        if (chain.size() < 2) {
            return ByteString.EMPTY;
        }
        return hashOf(chain.subList(1, chain.size()));
    }

    static ByteString hashOf(List<X509Certificate> certificates) {
        MessageDigest digest = sha256();
        for (X509Certificate certificate : certificates) {
            digest.update(Certificates.encoded(certificate).asReadOnlyByteBuffer());
        }
        return ByteString.copyFrom(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
