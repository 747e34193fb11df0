package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.msp.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/** An {@code MSPConfig} value of the channel configuration into an {@link Msp}. */
public final class MspReader {
    /** {@code msp.ProviderType.FABRIC}: X.509. Idemix MSPs are not supported by this verifier. */
    private static final int FABRIC_MSP_TYPE = 0;

    private MspReader() {}

    public static Msp read(MSPConfig config) throws InvalidMspException {
        if (config.getType() != FABRIC_MSP_TYPE) {
            throw new InvalidMspException("MSP type " + config.getType() + " is not supported (only X.509 MSPs are)");
        }
        FabricMSPConfig fabric;
        try {
            fabric = FabricMSPConfig.parseFrom(config.getConfig());
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidMspException("MSP configuration is not a FabricMSPConfig", e);
        }
        String id = fabric.getName();
        requireSha256(id, fabric.getCryptoConfig());
        List<X509Certificate> roots = certificates(id, "root", fabric.getRootCertsList());
        if (roots.isEmpty()) {
            throw new InvalidMspException("MSP " + id + " has no root certificate");
        }
        List<X509Certificate> intermediates = certificates(id, "intermediate", fabric.getIntermediateCertsList());
        Set<ByteString> admins = new HashSet<>();
        for (X509Certificate admin : certificates(id, "admin", fabric.getAdminsList())) {
            admins.add(Certificates.encoded(admin));
        }
        // A scaffold MSP knows its CAs, so the certifiers of each configured OU can be computed from their chains.
        Msp cas = new Msp(id, roots, intermediates, Set.of(), List.of(), List.of(), NodeOus.disabled());
        List<OuIdentifier> restrictions = new ArrayList<>();
        for (FabricOUIdentifier ou : fabric.getOrganizationalUnitIdentifiersList()) {
            restrictions.add(ou(cas, ou));
        }
        return new Msp(id, roots, intermediates, admins, crls(id, fabric.getRevocationListList()), restrictions,
                nodeOus(cas, fabric));
    }

    private static void requireSha256(String id, FabricCryptoConfig crypto) throws InvalidMspException {
        String family = crypto.getSignatureHashFamily();
        String identifier = crypto.getIdentityIdentifierHashFunction();
        if (!(family.isEmpty() || family.equals("SHA2")) || !(identifier.isEmpty() || identifier.equals("SHA256"))) {
            throw new InvalidMspException("MSP " + id + " uses hash family " + family + " / " + identifier
                    + "; only SHA2 / SHA256 is supported");
        }
    }

    private static NodeOus nodeOus(Msp cas, FabricMSPConfig fabric) throws InvalidMspException {
        if (!fabric.hasFabricNodeOus()) {
            return NodeOus.disabled();
        }
        FabricNodeOUs ous = fabric.getFabricNodeOus();
        return new NodeOus(ous.getEnable(),
                ous.hasClientOuIdentifier() ? Optional.of(ou(cas, ous.getClientOuIdentifier())) : Optional.empty(),
                ous.hasPeerOuIdentifier() ? Optional.of(ou(cas, ous.getPeerOuIdentifier())) : Optional.empty(),
                ous.hasAdminOuIdentifier() ? Optional.of(ou(cas, ous.getAdminOuIdentifier())) : Optional.empty(),
                ous.hasOrdererOuIdentifier() ? Optional.of(ou(cas, ous.getOrdererOuIdentifier())) : Optional.empty());
    }

    private static OuIdentifier ou(Msp cas, FabricOUIdentifier ou) throws InvalidMspException {
        if (ou.getCertificate().isEmpty()) {
            return new OuIdentifier(ou.getOrganizationalUnitIdentifier(), ByteString.EMPTY);
        }
        X509Certificate ca;
        try {
            ca = Certificates.read(ou.getCertificate().toByteArray());
        } catch (CertificateException e) {
            throw new InvalidMspException("MSP " + cas.id() + ": the CA of OU " + ou.getOrganizationalUnitIdentifier()
                    + " is not a certificate", e);
        }
        ByteString encoded = Certificates.encoded(ca);
        if (cas.roots().stream().anyMatch(root -> Certificates.encoded(root).equals(encoded))) {
            return new OuIdentifier(ou.getOrganizationalUnitIdentifier(), Msp.hashOf(List.of(ca)));
        }
        List<X509Certificate> chain = cas.chain(ca);
        if (chain.isEmpty()) {
            throw new InvalidMspException("MSP " + cas.id() + ": the CA of OU " + ou.getOrganizationalUnitIdentifier()
                    + " is not one of its CAs");
        }
        return new OuIdentifier(ou.getOrganizationalUnitIdentifier(), Msp.hashOf(chain));
    }

    private static List<X509Certificate> certificates(String id, String kind, List<ByteString> pems)
            throws InvalidMspException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (ByteString pem : pems) {
            try {
                certificates.addAll(Certificates.readAll(pem.toByteArray()));
            } catch (CertificateException e) {
                throw new InvalidMspException("MSP " + id + " has an unreadable " + kind + " certificate", e);
            }
        }
        return certificates;
    }

    private static List<X509CRL> crls(String id, List<ByteString> pems) throws InvalidMspException {
        List<X509CRL> crls = new ArrayList<>();
        for (ByteString pem : pems) {
            try {
                crls.add(Certificates.readCrl(pem.toByteArray()));
            } catch (CRLException e) {
                throw new InvalidMspException("MSP " + id + " has an unreadable revocation list", e);
            }
        }
        return crls;
    }
}
