package io.ledgernode.netconfig.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.netconfig.generate.NetworkGenerator;
import io.ledgernode.netconfig.generate.NetworkLayout;
import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.NetworkDescriptions;
import io.ledgernode.netconfig.model.OrdererNode;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.PeerNode;
import io.ledgernode.netconfig.roster.Roster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {

    private static final NetworkDescription CONSORTIUM = NetworkDescriptions.read(Path.of("networks/consortium-netns.yaml"));
    private static final BundleWriter.ChaincodeBuild BUILD = BundleWriter.ChaincodeBuild.parse("ledger_abc",
            "Org1=ledger_abc:111 Org2=ledger_abc:222");

    @TempDir
    Path dir;
    Path staging;

    /** A generated network as cryptogen lays it out: one key and one certificate per identity, named by whose it is. */
    @BeforeEach
    void stage() throws IOException {
        staging = dir.resolve("staging");
        new NetworkGenerator(CONSORTIUM, staging).generate(Path.of("/opt/fabric"), Roster.ofAdmin(CONSORTIUM, "Org1"));
        NetworkLayout layout = new NetworkLayout(staging);
        for (OrdererOrg org : CONSORTIUM.ordererOrgs()) {
            for (OrdererNode node : org.orderers()) {
                identity(layout.ordererDir(org, node), node.fqdn(org));
            }
        }
        for (MemberOrg org : CONSORTIUM.orgs()) {
            for (PeerNode peer : org.peers()) {
                identity(layout.peerDir(org, peer), peer.fqdn(org));
            }
            identity(layout.chaincodeServerDir(org), org.chaincodeServer().fqdn(org));
            for (String user : List.of("Admin", "User1", "User2")) {
                identity(layout.userDir(org, user), user + "@" + org.domain());
            }
        }
        Files.writeString(layout.networkDir().resolve("ledger.block"), "genesis");
    }

    private static void identity(Path dir, String who) throws IOException {
        Files.createDirectories(dir.resolve("msp/keystore"));
        Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("msp/keystore/priv_sk"), "key of " + who);
        Files.writeString(dir.resolve("tls/server.key"), "tls key of " + who);
        Files.writeString(dir.resolve("tls/ca.crt"), "tls root of " + who);
    }

    private static List<String> keysIn(Path bundle) throws IOException {
        try (Stream<Path> files = Files.walk(bundle)) {
            return files.filter(f -> f.getFileName().toString().equals("priv_sk")).map(f -> uncheckedRead(f)).sorted().toList();
        }
    }

    private static String uncheckedRead(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_peer_host_gets_its_peers_key_only_and_no_genesis_block() throws IOException {
        Path out = dir.resolve("hosts/10.231.77.22");
        new BundleWriter(CONSORTIUM, staging, BUILD).writeHost("10.231.77.22", out);

        assertThat(keysIn(out)).containsExactly("key of peer1.org1.ledger.local");
        assertThat(out.resolve("network/ledger.block")).doesNotExist();
        assertThat(Files.readString(out.resolve("bundle.env"))).contains(": \"${LEDGER_HOST_ADDRESS:=10.231.77.22}\"");
        assertThat(out.resolve("start.sh")).isExecutable();
    }

    @Test
    void an_orgs_node_host_gets_its_peer_chaincode_server_and_client_identities_and_the_package_its_server_runs() throws IOException {
        Path out = dir.resolve("hosts/10.231.77.31");
        new BundleWriter(CONSORTIUM, staging, BUILD).writeHost("10.231.77.31", out);

        assertThat(keysIn(out)).containsExactly("key of Admin@org2.ledger.local", "key of User1@org2.ledger.local",
                "key of User2@org2.ledger.local", "key of ccaas.org2.ledger.local", "key of peer0.org2.ledger.local");
        // The TLS root of the org's other peer, which its node fails over to.
        assertThat(out.resolve("crypto/peerOrganizations/org2.ledger.local/peers/peer1.org2.ledger.local/tls/ca.crt")).exists();
        assertThat(Files.readString(out.resolve("chaincode/ccaas.org2.ledger.local.chaincode")))
                .isEqualTo("ledger_abc:222 chaincode/ledger_abc/ledger-chaincode.jar\n");
        assertThat(Files.readString(out.resolve("bundle.env"))).contains(": \"${LEDGER_NODE_ORG:=Org2}\"");
    }

    @Test
    void an_orderer_host_gets_its_orderers_key_and_the_genesis_block() throws IOException {
        Path out = dir.resolve("hosts/10.231.77.13");
        new BundleWriter(CONSORTIUM, staging, BUILD).writeHost("10.231.77.13", out);

        assertThat(keysIn(out)).containsExactly("key of orderer2.orderer.ledger.local");
        assertThat(out.resolve("network/ledger.block")).hasContent("genesis");
    }

    @Test
    void an_admin_bundle_holds_the_org_admins_key_and_only_public_certificates_besides() throws IOException {
        Path out = dir.resolve("admins/Org1");
        new BundleWriter(CONSORTIUM, staging, BUILD).writeAdmin("Org1", out);

        assertThat(keysIn(out)).containsExactly("key of Admin@org1.ledger.local");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".key")).map(out::relativize).map(Path::toString))
                    .containsExactly("crypto/peerOrganizations/org1.ledger.local/users/Admin@org1.ledger.local/tls/server.key");
        }
        assertThat(Files.readString(out.resolve("chaincode/package.env"))).contains("LEDGER_BUNDLE_CHAINCODE_PACKAGE_ID='ledger_abc:111'");
    }

    @Test
    void no_bundle_names_a_path_of_the_machine_that_wrote_it() throws IOException {
        BundleWriter writer = new BundleWriter(CONSORTIUM, staging, BUILD);
        for (String host : CONSORTIUM.hosts()) {
            writer.writeHost(host, dir.resolve("hosts").resolve(host));
        }
        writer.writeAdmin("Org2", dir.resolve("admins/Org2"));
        try (Stream<Path> files = Files.walk(dir.resolve("hosts")); Stream<Path> admin = Files.walk(dir.resolve("admins"))) {
            assertThat(Stream.concat(files, admin).filter(Files::isRegularFile).map(BundleWriterTest::uncheckedRead))
                    .noneMatch(text -> text.contains(dir.toString()) || text.contains("/opt/fabric"));
        }
    }

    @Test
    void a_bundle_is_written_only_into_a_new_directory_for_a_host_of_the_network() throws IOException {
        BundleWriter writer = new BundleWriter(CONSORTIUM, staging, BUILD);
        Files.createDirectories(dir.resolve("taken"));

        assertThatThrownBy(() -> writer.writeHost("10.231.77.11", dir.resolve("taken")))
                .isInstanceOf(InvalidNetworkException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> writer.writeHost("10.1.1.1", dir.resolve("x")))
                .isInstanceOf(InvalidNetworkException.class).hasMessageStartingWith("no process of the network runs on host 10.1.1.1");
        assertThatThrownBy(() -> BundleWriter.ChaincodeBuild.parse("l", "Org1"))
                .isInstanceOf(InvalidNetworkException.class).hasMessageContaining("expected ORG=ID");
        assertThat(BUILD.packageIds()).isEqualTo(Map.of("Org1", "ledger_abc:111", "Org2", "ledger_abc:222"));
    }
}
