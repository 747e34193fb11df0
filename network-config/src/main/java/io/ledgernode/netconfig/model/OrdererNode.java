package io.ledgernode.netconfig.model;

/** A Raft ordering node: its client/cluster port, its channel-participation admin port and its operations port. */
public record OrdererNode(String name, String host, int port, int adminPort, int operationsPort) {

    public OrdererNode {
        Names.requireName("orderer name", name);
        Names.requireHost(host);
        Names.requirePort("orderer port", port);
        Names.requirePort("orderer adminPort", adminPort);
        Names.requirePort("orderer operationsPort", operationsPort);
    }

    /** The node's fully qualified name within its org, e.g. {@code orderer0.orderer.ledger.local}. */
    public String fqdn(OrdererOrg org) {
        return name + "." + org.domain();
    }

    OrdererNode withPortOffset(int offset) {
        return new OrdererNode(name, host, port + offset, adminPort + offset, operationsPort + offset);
    }
}
