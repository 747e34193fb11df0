package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.hyperledger.fabric.protos.common.CombinedPrincipal;
import org.hyperledger.fabric.protos.common.MSPIdentityAnonymity;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.OrganizationUnit;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Whether an identity satisfies an {@code MSPPrincipal}, as Fabric's MSP ({@code satisfiesPrincipalInternalV142})
 * decides it: roles by node OU (admin also by the explicit admin list), a named identity by its certificate's bytes,
 * an OU with its certifiers, a combination by all of its parts. An unreadable principal is never satisfied.
 */
final class Principals {
    private Principals() {}

    static boolean satisfied(Msp msp, Identity identity, MSPPrincipal principal, MspSet channel) {
        try {
            return switch (principal.getPrincipalClassification()) {
                case ROLE -> role(msp, identity, MSPRole.parseFrom(principal.getPrincipal()));
                case IDENTITY -> sameIdentity(msp, identity, SerializedIdentity.parseFrom(principal.getPrincipal()));
                case ORGANIZATION_UNIT -> unit(msp, identity, OrganizationUnit.parseFrom(principal.getPrincipal()));
                case ANONYMITY -> MSPIdentityAnonymity.parseFrom(principal.getPrincipal()).getAnonymityType()
                        == MSPIdentityAnonymity.MSPIdentityAnonymityType.NOMINAL;
                case COMBINED -> combined(identity, CombinedPrincipal.parseFrom(principal.getPrincipal()), channel);
                case UNRECOGNIZED -> false;
            };
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private static boolean role(Msp msp, Identity identity, MSPRole role) {
        if (!role.getMspIdentifier().equals(msp.id()) || !identity.mspId().equals(msp.id())) {
            return false;
        }
        X509Certificate certificate = identity.certificate();
        boolean valid = msp.validationProblem(certificate).isEmpty();
        return switch (role.getRole()) {
            case MEMBER -> valid;
            case ADMIN -> msp.isAdmin(certificate) || (valid && hasRoleOu(msp, certificate, role.getRole()));
            case CLIENT, PEER, ORDERER -> valid && hasRoleOu(msp, certificate, role.getRole());
            case UNRECOGNIZED -> false;
        };
    }

    private static boolean hasRoleOu(Msp msp, X509Certificate certificate, MSPRole.MSPRoleType role) {
        return msp.nodeOus().enabled() && msp.nodeOus().of(role).map(ou -> msp.hasNodeOu(certificate, ou)).orElse(false);
    }

    private static boolean sameIdentity(Msp msp, Identity identity, SerializedIdentity named) {
        if (!named.getMspid().equals(msp.id())) {
            return false;
        }
        try {
            X509Certificate certificate = Certificates.read(named.getIdBytes().toByteArray());
            ByteString expected = Certificates.encoded(certificate);
            return expected.equals(Certificates.encoded(identity.certificate()))
                    && msp.validationProblem(certificate).isEmpty();
        } catch (CertificateException e) {
            return false;
        }
    }

    private static boolean unit(Msp msp, Identity identity, OrganizationUnit unit) {
        return unit.getMspIdentifier().equals(msp.id())
                && msp.validationProblem(identity.certificate()).isEmpty()
                && msp.hasOu(identity.certificate(), unit.getOrganizationalUnitIdentifier(),
                        unit.getCertifiersIdentifier());
    }

    private static boolean combined(Identity identity, CombinedPrincipal combined, MspSet channel) {
        if (combined.getPrincipalsCount() == 0) {
            return false;
        }
        for (MSPPrincipal part : combined.getPrincipalsList()) {
            if (!channel.satisfies(identity, part)) {
                return false;
            }
        }
        return true;
    }
}
