package io.ledgernode.netconfig.model;

import java.util.List;

/** An org that runs ordering nodes only. */
public record OrdererOrg(String name, String mspId, String domain, List<OrdererNode> orderers) {

    public OrdererOrg {
        Names.requireName("ordererOrgs.name", name);
        Names.requireMspId(mspId);
        Names.requireDomain(domain);
        Names.require(orderers != null && !orderers.isEmpty(), "orderer org " + name + " needs at least one orderer");
        orderers = List.copyOf(orderers);
    }

    OrdererOrg withPortOffset(int offset) {
        return new OrdererOrg(name, mspId, domain, orderers.stream().map(n -> n.withPortOffset(offset)).toList());
    }
}
