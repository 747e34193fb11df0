package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.Consensus;
import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.OrdererNode;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.PeerNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one environment file per process (orderer, peer, chaincode server), one admin environment per member org,
 * and {@code network.env}, the summary the operator scripts read. Every Fabric setting the scripts rely on is set
 * here explicitly, so the stock core.yaml and orderer.yaml only supply defaults nobody here depends on.
 */
final class NodeEnvWriter {

    private final NetworkDescription network;
    private final NetworkLayout layout;
    private final Path fabricHome;

    NodeEnvWriter(NetworkDescription network, NetworkLayout layout, Path fabricHome) {
        this.network = network;
        this.layout = layout;
        this.fabricHome = fabricHome.toAbsolutePath().normalize();
    }

    void writeAll() {
        for (OrdererOrg org : network.ordererOrgs()) {
            for (OrdererNode node : org.orderers()) {
                writeOrderer(org, node);
            }
        }
        for (MemberOrg org : network.orgs()) {
            for (PeerNode peer : org.peers()) {
                writePeer(org, peer);
            }
            writeChaincodeServer(org);
            writeOrgAdmin(org);
        }
        writeNetwork();
    }

    private void writeOrderer(OrdererOrg org, OrdererNode node) {
        String name = node.fqdn(org);
        Path dir = layout.ordererDir(org, node);
        Path tls = dir.resolve("tls");
        Path data = layout.dataDir(name);
        String consensusDir = network.ordering().consensus() == Consensus.BFT ? "smartbft" : "etcdraft";
        new EnvFile()
                .put("LEDGER_ADMIN_ADDRESS", node.host() + ":" + node.adminPort())
                .put("LEDGER_ADMIN_CA", tls.resolve("ca.crt"))
                // osnadmin authenticates with the orderer's own TLS pair (cryptogen's TLS certificates serve both
                // ends, and the admin endpoint trusts the org's TLS CA): the orderer's host joins it to the channel
                // without the ordering org's admin key, which then stays off every orderer host.
                .put("LEDGER_ADMIN_CLIENT_CERT", tls.resolve("server.crt"))
                .put("LEDGER_ADMIN_CLIENT_KEY", tls.resolve("server.key"))
                .put("FABRIC_CFG_PATH", fabricHome.resolve("config"))
                .put("FABRIC_LOGGING_SPEC", "INFO")
                .put("ORDERER_GENERAL_LISTENADDRESS", node.host())
                .put("ORDERER_GENERAL_LISTENPORT", node.port())
                .put("ORDERER_GENERAL_LOCALMSPID", org.mspId())
                .put("ORDERER_GENERAL_LOCALMSPDIR", dir.resolve("msp"))
                .put("ORDERER_GENERAL_TLS_ENABLED", "true")
                .put("ORDERER_GENERAL_TLS_PRIVATEKEY", tls.resolve("server.key"))
                .put("ORDERER_GENERAL_TLS_CERTIFICATE", tls.resolve("server.crt"))
                .put("ORDERER_GENERAL_TLS_ROOTCAS", "[" + tls.resolve("ca.crt") + "]")
                // Fabric 3: no system channel; channels are joined through the participation API.
                .put("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none")
                .put("ORDERER_CHANNELPARTICIPATION_ENABLED", "true")
                .put("ORDERER_FILELEDGER_LOCATION", data.resolve("ledger"))
                // The consensus's write-ahead log under its own name (a Raft network's is where it always was).
                .put("ORDERER_CONSENSUS_WALDIR", data.resolve(consensusDir).resolve("wal"))
                .put("ORDERER_CONSENSUS_SNAPDIR", data.resolve(consensusDir).resolve("snapshot"))
                .put("ORDERER_ADMIN_LISTENADDRESS", node.host() + ":" + node.adminPort())
                .put("ORDERER_ADMIN_TLS_ENABLED", "true")
                .put("ORDERER_ADMIN_TLS_PRIVATEKEY", tls.resolve("server.key"))
                .put("ORDERER_ADMIN_TLS_CERTIFICATE", tls.resolve("server.crt"))
                .put("ORDERER_ADMIN_TLS_ROOTCAS", "[" + tls.resolve("ca.crt") + "]")
                .put("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true")
                .put("ORDERER_ADMIN_TLS_CLIENTROOTCAS", "[" + tls.resolve("ca.crt") + "]")
                // Peers ping their orderer connections every 10 s (below): allowed here, or the orderer would close
                // them for pinging too often.
                .put("ORDERER_GENERAL_KEEPALIVE_SERVERMININTERVAL", "5s")
                .put("ORDERER_OPERATIONS_LISTENADDRESS", node.host() + ":" + node.operationsPort())
                .put("ORDERER_METRICS_PROVIDER", "prometheus")
                .write(layout.nodeEnv(name), "Orderer " + name + " of " + org.name());
    }

    private void writePeer(MemberOrg org, PeerNode peer) {
        String name = peer.fqdn(org);
        Path dir = layout.peerDir(org, peer);
        Path tls = dir.resolve("tls");
        Path data = layout.dataDir(name);
        String address = peer.host() + ":" + peer.port();
        new EnvFile()
                .put("FABRIC_CFG_PATH", fabricHome.resolve("config"))
                .put("FABRIC_LOGGING_SPEC", "INFO")
                .put("CORE_PEER_ID", name)
                .put("CORE_PEER_ADDRESS", address)
                .put("CORE_PEER_LISTENADDRESS", address)
                .put("CORE_PEER_CHAINCODEADDRESS", peer.host() + ":" + peer.chaincodePort())
                .put("CORE_PEER_CHAINCODELISTENADDRESS", peer.host() + ":" + peer.chaincodePort())
                .put("CORE_PEER_GOSSIP_BOOTSTRAP", org.gatewayPeer().host() + ":" + org.gatewayPeer().port())
                .put("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address)
                // Every peer pulls blocks from the orderer itself: no wait for a gossip leader election.
                .put("CORE_PEER_GOSSIP_USELEADERELECTION", "false")
                .put("CORE_PEER_GOSSIP_ORGLEADER", "true")
                .put("CORE_PEER_LOCALMSPID", org.mspId())
                .put("CORE_PEER_MSPCONFIGPATH", dir.resolve("msp"))
                .put("CORE_PEER_TLS_ENABLED", "true")
                .put("CORE_PEER_TLS_CERT_FILE", tls.resolve("server.crt"))
                .put("CORE_PEER_TLS_KEY_FILE", tls.resolve("server.key"))
                .put("CORE_PEER_TLS_ROOTCERT_FILE", tls.resolve("ca.crt"))
                .put("CORE_PEER_FILESYSTEMPATH", data)
                .put("CORE_LEDGER_SNAPSHOTS_ROOTDIR", data.resolve("snapshots"))
                // Fabric's per-key history index (GetHistoryForKey) is written for every key of every valid
                // transaction at commit; nothing here reads it (history is the chaincode's own entries and the
                // mirror's), so the peer does not spend CPU and disk on it.
                .put("CORE_LEDGER_HISTORY_ENABLEHISTORYDATABASE", "false")
                // A host cut off the network answers nothing, not even a refusal: a stream to it (a peer's block
                // stream from an orderer, gossip with a peer, a client's connection) hangs until a keepalive ping
                // goes unanswered. Fabric's defaults (a ping a minute, 20 s to answer) leave a peer without blocks
                // for up to 80 s after its orderer's host is lost. Pings every 10 s (grpc-go's floor: it raises a
                // shorter interval to 10 s) with 5 s to answer; in the consortium tests the peer dropped its stream
                // to a cut-off orderer 29 s after the cut. Peers allow their clients (other peers, the node's
                // gateway connections) a ping every 5 s.
                .put("CORE_PEER_KEEPALIVE_MININTERVAL", "5s")
                .put("CORE_PEER_KEEPALIVE_CLIENT_INTERVAL", "10s")
                .put("CORE_PEER_KEEPALIVE_CLIENT_TIMEOUT", "5s")
                .put("CORE_PEER_KEEPALIVE_DELIVERYCLIENT_INTERVAL", "10s")
                .put("CORE_PEER_KEEPALIVE_DELIVERYCLIENT_TIMEOUT", "5s")
                // With BFT ordering a peer also follows the other orderers' block headers, and changes its block
                // source once they are this far ahead of it: a source whose host was cut off is left after 5 s,
                // not Fabric's 30 s, so the other org's peers do not lag the node's own for long. Found by the
                // consortium tests: with the BFT leader's host cut off, Org2's peers stayed a block behind Org1's
                // for longer than the node retries a disagreeing endorsement, and a transfer answered 503.
                .put("CORE_PEER_DELIVERYCLIENT_BLOCKCENSORSHIPTIMEOUTKEY", "5s")
                .put("CORE_OPERATIONS_LISTENADDRESS", peer.host() + ":" + peer.operationsPort())
                .put("CORE_METRICS_PROVIDER", "prometheus")
                // No Docker here: an empty VM endpoint turns the Docker client (and its health check) off; the
                // chaincode runs as an external service, found through the ccaas builder.
                .put("CORE_VM_ENDPOINT", "")
                .put("CORE_CHAINCODE_EXTERNALBUILDERS", "[{name: ccaas_builder, path: "
                        + fabricHome.resolve("builders").resolve("ccaas") + ", propagateEnvironment: [CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG]}]")
                .put("CORE_CHAINCODE_STARTUPTIMEOUT", "60s")
                .write(layout.nodeEnv(name), "Peer " + name + " of " + org.name());
    }

    private void writeChaincodeServer(MemberOrg org) {
        String name = org.chaincodeServer().fqdn(org);
        Path tls = layout.chaincodeServerDir(org).resolve("tls");
        new EnvFile()
                .put("CHAINCODE_SERVER_ADDRESS", org.chaincodeServer().host() + ":" + org.chaincodeServer().port())
                .put("CORE_PEER_LOCALMSPID", org.mspId())
                .put("CORE_PEER_TLS_ENABLED", "true")
                // The shim serves TLS with the PEM files named by *_FILE. Even in server mode it also builds a client
                // TLS context per connection from the *_PATH files, which it reads as base64 of the PEM (the form a
                // peer hands to chaincode it launches itself): scripts/ledger writes those .b64 copies after cryptogen.
                .put("CORE_TLS_CLIENT_CERT_FILE", tls.resolve("server.crt"))
                .put("CORE_TLS_CLIENT_KEY_FILE", tls.resolve("server.key"))
                .put("CORE_TLS_CLIENT_CERT_PATH", tls.resolve("server.crt.b64"))
                .put("CORE_TLS_CLIENT_KEY_PATH", tls.resolve("server.key.b64"))
                .put("CORE_PEER_TLS_ROOTCERT_FILE", tls.resolve("ca.crt"))
                .put("CORE_CHAINCODE_LOGGING_LEVEL", "INFO")
                .put("LEDGER_TX_CLOCK_TOLERANCE", network.chaincode().txClockTolerance())
                .write(layout.nodeEnv(name), "Ledger chaincode server of " + org.name());
    }

    /** {@code --peerAddresses A --tlsRootCertFiles caA ...} for one peer of every org: enough to satisfy endorsement. */
    private String allPeerArgs() {
        StringBuilder peerArgs = new StringBuilder();
        for (MemberOrg org : network.orgs()) {
            PeerNode peer = org.gatewayPeer();
            peerArgs.append(" --peerAddresses ").append(peer.host()).append(':').append(peer.port())
                    .append(" --tlsRootCertFiles ").append(layout.peerDir(org, peer).resolve("tls").resolve("ca.crt"));
        }
        return peerArgs.toString().trim();
    }

    private void writeOrgAdmin(MemberOrg org) {
        PeerNode peer = org.gatewayPeer();
        OrdererOrg ordererOrg = network.ordererOrgs().get(0);
        OrdererNode orderer = ordererOrg.orderers().get(0);
        new EnvFile()
                .put("FABRIC_CFG_PATH", fabricHome.resolve("config"))
                // The CLI's gRPC library logs every connection at INFO; keep Fabric's own INFO lines only.
                .put("FABRIC_LOGGING_SPEC", "grpc=warning:info")
                .put("CORE_PEER_TLS_ENABLED", "true")
                .put("CORE_PEER_LOCALMSPID", org.mspId())
                .put("CORE_PEER_MSPCONFIGPATH", layout.userDir(org, "Admin").resolve("msp"))
                .put("CORE_PEER_ADDRESS", peer.host() + ":" + peer.port())
                .put("CORE_PEER_TLS_ROOTCERT_FILE", layout.peerDir(org, peer).resolve("tls").resolve("ca.crt"))
                .put("ORDERER_ADDRESS", orderer.host() + ":" + orderer.port())
                .put("ORDERER_CA", layout.ordererDir(ordererOrg, orderer).resolve("tls").resolve("ca.crt"))
                .put("LEDGER_CHANNEL", network.channel())
                .put("LEDGER_CHAINCODE", network.chaincode().name())
                .put("LEDGER_PEER_ARGS", allPeerArgs())
                .write(layout.orgEnv(org), "Admin CLI environment of " + org.name() + " (scripts/ledger env " + org.name() + ")");
    }

    private void writeNetwork() {
        List<String> orgs = network.orgs().stream().map(MemberOrg::name).toList();
        String configureRequest = GeneratedFiles.toCompactJson(GeneratedFiles.ordered(
                "issuerMsp", network.org(network.chaincode().issuerOrg()).mspId(),
                "bulkOpenMax", network.chaincode().bulkOpenMax(),
                "batchLegsMax", network.chaincode().batchLegsMax(),
                "pageSizeMax", network.chaincode().pageSizeMax()));
        new EnvFile()
                .put("LEDGER_NETWORK_NAME", network.name())
                .put("LEDGER_CHANNEL", network.channel())
                .put("LEDGER_CHAINCODE", network.chaincode().name())
                .put("LEDGER_ISSUER_ORG", network.chaincode().issuerOrg())
                .put("LEDGER_ORGS", String.join(" ", orgs))
                // Where each org runs its node ("Org1=host Org2=host"): on one host of a consortium across hosts,
                // the other orgs' nodes are reached there for their attestations.
                .put("LEDGER_ORG_NODE_HOSTS", network.orgs().stream().map(o -> o.name() + "=" + o.node().host())
                        .collect(java.util.stream.Collectors.joining(" ")))
                .put("LEDGER_ALL_PEER_ARGS", allPeerArgs())
                .put("LEDGER_CONFIGTX_PROFILE", ConfigtxWriter.PROFILE)
                .put("LEDGER_CONFIGURE_REQUEST", configureRequest)
                // The peer CLI's -c argument for Governance:configure: the request is the one argument, a JSON string.
                .put("LEDGER_CONFIGURE_ARGS", GeneratedFiles.toCompactJson(GeneratedFiles.ordered(
                        "function", "Governance:configure", "Args", List.of(configureRequest))))
                .write(layout.networkDir().resolve("network.env"), "Network " + network.name());
    }
}
