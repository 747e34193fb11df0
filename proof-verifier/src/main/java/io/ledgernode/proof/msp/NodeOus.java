package io.ledgernode.proof.msp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.MSPRole;

/**
 * An MSP's node OU classification ({@code FabricNodeOUs}): which OU makes a certificate a client, peer, admin or
 * orderer. When enabled, every valid identity carries exactly one of them; an absent role's OU is empty.
 */
record NodeOus(boolean enabled, Optional<OuIdentifier> client, Optional<OuIdentifier> peer,
               Optional<OuIdentifier> admin, Optional<OuIdentifier> orderer) {

    static NodeOus disabled() {
        return new NodeOus(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The OU of a role principal; empty for MEMBER, or a role this MSP does not classify. */
    Optional<OuIdentifier> of(MSPRole.MSPRoleType role) {
        return switch (role) {
            case CLIENT -> client;
            case PEER -> peer;
            case ADMIN -> admin;
            case ORDERER -> orderer;
            case MEMBER, UNRECOGNIZED -> Optional.empty();
        };
    }

    List<OuIdentifier> all() {
        List<OuIdentifier> all = new ArrayList<>(4);
        client.ifPresent(all::add);
        peer.ifPresent(all::add);
        admin.ifPresent(all::add);
        orderer.ifPresent(all::add);
        return all;
    }
}
