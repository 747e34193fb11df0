package io.ledgernode.netconfig.model;

/** A Raft ordering node: its client/cluster port, its channel-participation admin port and its operations port. */
public record OrdererNode(String name, String host, int port, int adminPort, int operationsPort) {

    public OrdererNode {
        Names.requireNode("orderer", name, host, port, "adminPort", adminPort, operationsPort);
    }

    /** The node's fully qualified name within its org, e.g. {@code orderer0.orderer.ledger.local}. */
    public String fqdn(OrdererOrg org) {
        return name + "." + org.domain();
    }

    OrdererNode withPortOffset(int offset) {
        return new OrdererNode(name, host, port + offset, adminPort + offset, operationsPort + offset);
    }
}
