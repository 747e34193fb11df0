package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.PeerNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Writes cryptogen's input: one CA per org, node OUs on, a TLS certificate for every server with its host as SAN. */
final class CryptoConfigWriter {

    private CryptoConfigWriter() {
    }

    static Path write(NetworkDescription network, NetworkLayout layout) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> ordererOrgs = new ArrayList<>();
        for (OrdererOrg org : network.ordererOrgs()) {
            List<Object> specs = new ArrayList<>();
            org.orderers().forEach(node -> specs.add(spec(node.name(), node.host())));
            ordererOrgs.add(org(org.name(), org.domain(), specs, null));
        }
        List<Object> peerOrgs = new ArrayList<>();
        for (MemberOrg org : network.orgs()) {
            List<Object> specs = new ArrayList<>();
            for (PeerNode peer : org.peers()) {
                specs.add(spec(peer.name(), peer.host()));
            }
            // The chaincode server is a TLS server of the org too; cryptogen issues its certificate like a node's.
            specs.add(spec(io.ledgernode.netconfig.model.ChaincodeServer.hostname(), org.chaincodeServer().host()));
            peerOrgs.add(org(org.name(), org.domain(), specs, org.users()));
        }
        root.put("OrdererOrgs", ordererOrgs);
        root.put("PeerOrgs", peerOrgs);
        Path file = layout.networkDir().resolve("crypto-config.yaml");
        GeneratedFiles.writeYaml(file, root, "# Generated from the network description; input of `cryptogen generate`.\n");
        return file;
    }

    private static Map<String, Object> org(String name, String domain, List<Object> specs, Integer users) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("Name", name);
        org.put("Domain", domain);
        org.put("EnableNodeOUs", true);
        org.put("Specs", specs);
        if (users != null) {
            org.put("Users", GeneratedFiles.ordered("Count", users));
        }
        return org;
    }

    private static Map<String, Object> spec(String hostname, String host) {
        LinkedHashSet<String> sans = new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("Hostname", hostname);
        spec.put("SANS", List.copyOf(sans));
        return spec;
    }
}
