package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.PeerNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code profile.json}: what a Java client needs to connect to the network as one of an org's identities
 * (its peers' gateway addresses and TLS roots, certificate and private key files). Read by
 * {@code io.ledgernode.gateway.NetworkProfile}.
 */
final class ProfileWriter {

    private ProfileWriter() {
    }

    static Path write(NetworkDescription network, NetworkLayout layout) {
        Map<String, Object> orgs = new LinkedHashMap<>();
        for (MemberOrg org : network.orgs()) {
            Map<String, Object> identities = new LinkedHashMap<>();
            identities.put("Admin", identity(layout, org, "Admin"));
            for (int i = 1; i <= org.users(); i++) {
                identities.put("User" + i, identity(layout, org, "User" + i));
            }
            // Every peer of the org, its gateway peer first: clients prefer it and fail over to the others in turn.
            List<Object> gateways = new java.util.ArrayList<>();
            for (PeerNode peer : org.peers()) {
                Map<String, Object> gateway = new LinkedHashMap<>();
                gateway.put("address", peer.host() + ":" + peer.port());
                gateway.put("tlsHostname", peer.fqdn(org));
                gateway.put("tlsRootCertFile", layout.peerDir(org, peer).resolve("tls").resolve("ca.crt").toString());
                gateways.add(gateway);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("mspId", org.mspId());
            entry.put("gateways", gateways);
            entry.put("identities", identities);
            orgs.put(org.name(), entry);
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("network", network.name());
        profile.put("channel", network.channel());
        profile.put("chaincode", network.chaincode().name());
        profile.put("issuerOrg", network.chaincode().issuerOrg());
        profile.put("txClockTolerance", network.chaincode().txClockTolerance().toString());
        profile.put("orgs", orgs);
        Path file = layout.networkDir().resolve("profile.json");
        GeneratedFiles.writeJson(file, profile);
        return file;
    }

    private static Map<String, Object> identity(NetworkLayout layout, MemberOrg org, String user) {
        Path msp = layout.userDir(org, user).resolve("msp");
        String fileName = user + "@" + org.domain() + "-cert.pem";
        return GeneratedFiles.ordered(
                "certificateFile", msp.resolve("signcerts").resolve(fileName).toString(),
                "privateKeyFile", msp.resolve("keystore").resolve("priv_sk").toString(),
                "roles", List.of("Admin".equals(user) ? "admin" : "client"));
    }
}
