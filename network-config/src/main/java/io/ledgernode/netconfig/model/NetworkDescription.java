package io.ledgernode.netconfig.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One Fabric consortium network: its ordering service, its member orgs, the application channel and the ledger
 * chaincode's deployment parameters.
 */
public record NetworkDescription(
        String name,
        String channel,
        Ordering ordering,
        ChaincodeSettings chaincode,
        List<OrdererOrg> ordererOrgs,
        List<MemberOrg> orgs) {

    public NetworkDescription {
        Names.requireName("name", name);
        Names.requireChannel(channel);
        Names.require(ordering != null, "ordering is required");
        Names.require(chaincode != null, "chaincode is required");
        Names.require(ordererOrgs != null && !ordererOrgs.isEmpty(), "at least one orderer org is required");
        Names.require(orgs != null && !orgs.isEmpty(), "at least one member org is required");
        ordererOrgs = List.copyOf(ordererOrgs);
        orgs = List.copyOf(orgs);
        requireUnique("org name", Stream.concat(ordererOrgs.stream().map(OrdererOrg::name), orgs.stream().map(MemberOrg::name)).toList());
        requireUnique("MSP id", Stream.concat(ordererOrgs.stream().map(OrdererOrg::mspId), orgs.stream().map(MemberOrg::mspId)).toList());
        requireUnique("domain", Stream.concat(ordererOrgs.stream().map(OrdererOrg::domain), orgs.stream().map(MemberOrg::domain)).toList());
        String issuer = chaincode.issuerOrg();
        Names.require(orgs.stream().anyMatch(o -> o.name().equals(issuer)),
                "chaincode.issuerOrg '" + issuer + "' is not one of the member orgs");
        requireUnique("host:port", endpoints(ordererOrgs, orgs));
        ordering.consensus().requireOrderers(ordererOrgs.stream().mapToInt(o -> o.orderers().size()).sum());
    }

    /** The member org called {@code name}. */
    public MemberOrg org(String name) {
        return orgs.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InvalidNetworkException("no member org named '" + name + "'"));
    }

    /**
     * Every host of the network, each once, in the order its first process appears: the orderers' hosts, then per
     * member org its peers', its chaincode server's and its node's.
     */
    public List<String> hosts() {
        Set<String> hosts = new java.util.LinkedHashSet<>();
        ordererOrgs.forEach(org -> org.orderers().forEach(node -> hosts.add(node.host())));
        for (MemberOrg org : orgs) {
            org.peers().forEach(peer -> hosts.add(peer.host()));
            hosts.add(org.chaincodeServer().host());
            hosts.add(org.node().host());
        }
        return List.copyOf(hosts);
    }

    /** The member org whose node runs on {@code host}, if any (at most one: each org runs its node on its own host). */
    public java.util.Optional<MemberOrg> nodeOrgOn(String host) {
        List<MemberOrg> there = orgs.stream().filter(o -> o.node().host().equalsIgnoreCase(host)).toList();
        Names.require(there.size() <= 1, "host " + host + " runs the nodes of " + there.stream().map(MemberOrg::name).toList()
                + ": in a consortium across hosts each org runs its node on a host of its own");
        return there.stream().findFirst();
    }

    /** The same network with every port moved by {@code offset}, so a second network can run beside the first. */
    public NetworkDescription withPortOffset(int offset) {
        if (offset == 0) {
            return this;
        }
        return new NetworkDescription(name, channel, ordering, chaincode,
                ordererOrgs.stream().map(o -> o.withPortOffset(offset)).toList(),
                orgs.stream().map(o -> o.withPortOffset(offset)).toList());
    }

    private static List<String> endpoints(List<OrdererOrg> ordererOrgs, List<MemberOrg> orgs) {
        List<String> all = new ArrayList<>();
        for (OrdererOrg org : ordererOrgs) {
            for (OrdererNode node : org.orderers()) {
                all.add(node.host() + ":" + node.port());
                all.add(node.host() + ":" + node.adminPort());
                all.add(node.host() + ":" + node.operationsPort());
            }
        }
        for (MemberOrg org : orgs) {
            for (PeerNode peer : org.peers()) {
                all.add(peer.host() + ":" + peer.port());
                all.add(peer.host() + ":" + peer.chaincodePort());
                all.add(peer.host() + ":" + peer.operationsPort());
            }
            all.add(org.chaincodeServer().host() + ":" + org.chaincodeServer().port());
        }
        return all;
    }

    private static void requireUnique(String what, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            Names.require(seen.add(value.toLowerCase(java.util.Locale.ROOT)), "duplicate " + what + " '" + value + "'");
        }
    }
}
