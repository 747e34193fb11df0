package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.OrdererNode;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.PeerNode;
import java.nio.file.Path;

/**
 * Where everything of one network lives under its home directory. cryptogen decides the layout of {@code crypto/};
 * this class is the one place that knows it.
 */
public record NetworkLayout(Path home) {

    public NetworkLayout {
        home = home.toAbsolutePath().normalize();
    }

    public Path networkDir() {
        return home.resolve("network");
    }

    public Path cryptoDir() {
        return home.resolve("crypto");
    }

    public Path dataDir(String process) {
        return home.resolve("data").resolve(process);
    }

    /** The process roster the operator scripts read (see {@link io.ledgernode.netconfig.roster.Roster#toTsv()}). */
    public Path roster() {
        return networkDir().resolve("roster.tsv");
    }

    public Path nodeEnv(String process) {
        return networkDir().resolve("nodes").resolve(process + ".env");
    }

    public Path orgEnv(MemberOrg org) {
        return networkDir().resolve("orgs").resolve(org.name() + ".env");
    }

    public Path ordererOrgDir(OrdererOrg org) {
        return cryptoDir().resolve("ordererOrganizations").resolve(org.domain());
    }

    public Path memberOrgDir(MemberOrg org) {
        return cryptoDir().resolve("peerOrganizations").resolve(org.domain());
    }

    public Path ordererDir(OrdererOrg org, OrdererNode node) {
        return ordererOrgDir(org).resolve("orderers").resolve(node.fqdn(org));
    }

    public Path peerDir(MemberOrg org, PeerNode peer) {
        return memberOrgDir(org).resolve("peers").resolve(peer.fqdn(org));
    }

    public Path chaincodeServerDir(MemberOrg org) {
        return memberOrgDir(org).resolve("peers").resolve(org.chaincodeServer().fqdn(org));
    }

    public Path userDir(MemberOrg org, String user) {
        return memberOrgDir(org).resolve("users").resolve(user + "@" + org.domain());
    }

    public Path ordererAdminDir(OrdererOrg org) {
        return ordererOrgDir(org).resolve("users").resolve("Admin@" + org.domain());
    }

    /** The org's TLS root certificate: every TLS server of the org presents a certificate it signed. */
    public Path memberOrgTlsCa(MemberOrg org) {
        return memberOrgDir(org).resolve("tlsca").resolve("tlsca." + org.domain() + "-cert.pem");
    }

}
