package io.ledgernode.netconfig.model;

import java.util.List;

/** A consortium member: it runs peers, a chaincode server and its own node, and its clients transact. */
public record MemberOrg(String name, String mspId, String domain, int users, List<PeerNode> peers,
                        ChaincodeServer chaincodeServer, OrgNode node) {

    public MemberOrg {
        Names.requireName("orgs.name", name);
        Names.requireMspId(mspId);
        Names.requireDomain(domain);
        Names.require(users >= 1 && users <= 100, "org " + name + ": users must be in [1, 100]");
        Names.require(peers != null && !peers.isEmpty(), "org " + name + " needs at least one peer");
        Names.require(chaincodeServer != null, "org " + name + " needs a chaincodeServer");
        Names.require(node != null, "org " + name + " needs a node (the host its node runs on)");
        peers = List.copyOf(peers);
    }

    /** The peer this org's clients and admins talk to by default: its first. */
    public PeerNode gatewayPeer() {
        return peers.get(0);
    }

    MemberOrg withPortOffset(int offset) {
        return new MemberOrg(name, mspId, domain, users, peers.stream().map(p -> p.withPortOffset(offset)).toList(),
                chaincodeServer.withPortOffset(offset), node);
    }
}
