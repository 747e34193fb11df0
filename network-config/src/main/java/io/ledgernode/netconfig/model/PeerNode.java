package io.ledgernode.netconfig.model;

/**
 * A peer: its gRPC port (endorsement, gateway, deliver, gossip), the port it binds for chaincode connections
 * (always bound, even though our chaincode runs as a service) and its operations port.
 */
public record PeerNode(String name, String host, int port, int chaincodePort, int operationsPort) {

    public PeerNode {
        Names.requireNode("peer", name, host, port, "chaincodePort", chaincodePort, operationsPort);
    }

    public String fqdn(MemberOrg org) {
        return name + "." + org.domain();
    }

    PeerNode withPortOffset(int offset) {
        return new PeerNode(name, host, port + offset, chaincodePort + offset, operationsPort + offset);
    }
}
