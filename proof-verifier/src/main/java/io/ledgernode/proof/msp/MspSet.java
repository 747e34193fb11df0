package io.ledgernode.proof.msp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** The MSPs of a channel, by MSP id, in configuration order: Fabric's channel MSP manager (identity deserializer). */
public final class MspSet {
    private final Map<String, Msp> byId;

    public MspSet(Collection<Msp> msps) {
        Map<String, Msp> map = new LinkedHashMap<>();
        for (Msp msp : msps) {
            if (map.putIfAbsent(msp.id(), msp) != null) {
                throw new IllegalArgumentException("two MSPs named " + msp.id());
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    public Optional<Msp> msp(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Msp> all() {
        return byId.values();
    }

    /** A {@code SerializedIdentity} into a valid identity of its MSP, or why it is not one. */
    public Identity deserialize(ByteString serialized) throws InvalidIdentityException {
        SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parseFrom(serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidIdentityException("not a serialized identity: " + e.getMessage());
        }
        Msp msp = byId.get(identity.getMspid());
        if (msp == null) {
            throw new InvalidIdentityException("MSP '" + identity.getMspid() + "' is not defined in the channel");
        }
        X509Certificate certificate;
        try {
            certificate = Certificates.read(identity.getIdBytes().toByteArray());
        } catch (CertificateException e) {
            throw new InvalidIdentityException(identity.getMspid() + " identity is not a PEM certificate: " + e.getMessage());
        }
        return valid(msp, certificate);
    }

    /** A certificate presented as an identity of {@code mspId}, if it is a valid one. */
    public Identity identity(String mspId, X509Certificate certificate) throws InvalidIdentityException {
        Msp msp = byId.get(mspId);
        if (msp == null) {
            throw new InvalidIdentityException("MSP '" + mspId + "' is not defined in the channel");
        }
        return valid(msp, certificate);
    }

    private static Identity valid(Msp msp, X509Certificate certificate) throws InvalidIdentityException {
        Optional<String> problem = msp.validationProblem(certificate);
        if (problem.isPresent()) {
            throw new InvalidIdentityException(problem.get());
        }
        return new Identity(msp.id(), certificate);
    }

    /** Whether a valid identity satisfies a policy principal. */
    public boolean satisfies(Identity identity, MSPPrincipal principal) {
        Msp msp = byId.get(identity.mspId());
        return msp != null && Principals.satisfied(msp, identity, principal, this);
    }
}
