package io.ledgernode.netconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.netconfig.generate.NetworkGenerator;
import io.ledgernode.netconfig.model.Consensus;
import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.NetworkDescriptions;
import io.ledgernode.netconfig.roster.LocalNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkGeneratorTest {

    private static final Path LOCAL = Path.of("networks/local.yaml");
    private static final Path MULTIHOST = Path.of("networks/multihost-example.yaml");
    private static final Path HA = Path.of("networks/local-ha.yaml");
    private static final Path BFT4 = Path.of("networks/local-bft4.yaml");
    private static final LocalNode LOCAL_NODE = new LocalNode("Org1", true, 55432, 9470, 8080, 8090, 9480);

    @Test
    void the_shipped_descriptions_are_valid() {
        assertThat(NetworkDescriptions.read(LOCAL).orgs()).hasSize(2);
        assertThat(NetworkDescriptions.read(MULTIHOST).ordererOrgs().get(0).orderers()).hasSize(3);
        assertThat(NetworkDescriptions.read(HA).ordererOrgs().get(0).orderers()).hasSize(3);
        assertThat(NetworkDescriptions.read(BFT4).ordering().consensus()).isEqualTo(Consensus.BFT);
    }

    @Test
    void a_raft_channel_lists_every_orderer_as_a_consenter_under_the_v2_capability(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(HA), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        String configtx = Files.readString(home.resolve("network/configtx/configtx.yaml"));

        assertThat(configtx).contains("OrdererType: etcdraft").contains("EtcdRaft:")
                .doesNotContain("ConsenterMapping", "SmartBFT", "V3_0");
        assertThat(configtx.split("ClientTLSCert:", -1)).hasSize(4);
    }

    /** join-org asks configtxgen -printOrg for a joining org's definition, which it finds only at the top level. */
    @Test
    void every_member_org_is_defined_at_the_top_level_where_print_org_finds_it(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        String configtx = Files.readString(home.resolve("network/configtx/configtx.yaml"));

        assertThat(configtx).startsWith("#").containsSubsequence("\nOrganizations:\n", "Name: Org1", "ID: Org1MSP",
                "AnchorPeers:", "Name: Org2", "ID: Org2MSP", "\nProfiles:\n");
        assertThat(configtx.substring(0, configtx.indexOf("\nProfiles:"))).doesNotContain("OrdererMSP");
    }

    @Test
    void a_clients_profile_lists_every_peer_of_its_org_its_gateway_peer_first(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(HA), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        String profile = Files.readString(home.resolve("network/profile.json"));

        assertThat(profile).containsSubsequence("\"gateways\"", "\"address\" : \"127.0.0.1:7051\"", "peer0.org1.ledger.local",
                "\"address\" : \"127.0.0.1:7071\"", "peer1.org1.ledger.local", "\"identities\"");
    }

    @Test
    void a_bft_channel_numbers_its_consenters_with_their_signing_identities_under_the_v3_capability(@TempDir Path home)
            throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(BFT4), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        String configtx = Files.readString(home.resolve("network/configtx/configtx.yaml"));

        assertThat(configtx).contains("OrdererType: BFT").contains("V3_0: true").contains("SmartBFT:")
                .contains("RequestBatchMaxInterval: 100ms").contains("RequestBatchMaxCount: 500")
                .contains("ID: 4").contains("MSPID: OrdererMSP")
                .contains("orderers/orderer3.orderer.ledger.local/msp/signcerts/orderer3.orderer.ledger.local-cert.pem")
                .doesNotContain("EtcdRaft");
        assertThat(Files.readString(home.resolve("network/nodes/orderer0.orderer.ledger.local.env")))
                .contains("orderer0.orderer.ledger.local/smartbft/wal'");
    }

    @Test
    void an_orderer_count_the_consensus_cannot_use_is_refused_naming_the_field(@TempDir Path dir) throws Exception {
        Path even = dir.resolve("even.yaml");
        // Two of the three Raft orderers: an even count tolerates no more crashes than one orderer.
        String ha = Files.readString(HA);
        Files.writeString(even, ha.substring(0, ha.indexOf("      - name: orderer2")) + ha.substring(ha.indexOf("\norgs:") + 1));
        Path smallBft = dir.resolve("bft3.yaml");
        Files.writeString(smallBft, Files.readString(HA).replace("consensus: etcdraft", "consensus: BFT"));
        Path unknown = dir.resolve("kafka.yaml");
        Files.writeString(unknown, Files.readString(LOCAL).replace("consensus: etcdraft", "consensus: kafka"));
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, Files.readString(LOCAL).replace("  consensus: etcdraft\n", ""));

        assertThatThrownBy(() -> NetworkDescriptions.read(even)).isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("ordering.consensus etcdraft needs 1").hasMessageContaining("got 2");
        assertThatThrownBy(() -> NetworkDescriptions.read(smallBft)).isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("ordering.consensus BFT needs at least 4 orderers").hasMessageContaining("got 3");
        assertThatThrownBy(() -> NetworkDescriptions.read(unknown)).isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("ordering.consensus must be etcdraft or BFT, got 'kafka'");
        assertThatThrownBy(() -> NetworkDescriptions.read(missing)).isInstanceOf(InvalidNetworkException.class)
                .hasMessageEndingWith("missing field 'ordering.consensus'");
    }

    @Test
    void generation_is_deterministic(@TempDir Path a, @TempDir Path b) throws Exception {
        NetworkDescription network = NetworkDescriptions.read(LOCAL);
        new NetworkGenerator(network, a).generate(Path.of("/opt/fabric"), LOCAL_NODE);
        new NetworkGenerator(network, a).generate(Path.of("/opt/fabric"), LOCAL_NODE);
        String first = Files.readString(a.resolve("network/configtx/configtx.yaml"));

        new NetworkGenerator(network, a).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        assertThat(Files.readString(a.resolve("network/configtx/configtx.yaml"))).isEqualTo(first);
    }

    @Test
    void endorsement_and_lifecycle_approval_need_a_majority_of_member_orgs(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        String configtx = Files.readString(home.resolve("network/configtx/configtx.yaml"));

        assertThat(configtx).contains("Endorsement:\n          Type: ImplicitMeta\n          Rule: MAJORITY Endorsement")
                .contains("LifecycleEndorsement:\n          Type: ImplicitMeta\n          Rule: MAJORITY Endorsement")
                .contains("OrdererType: etcdraft").contains("BatchTimeout: 100ms");
    }

    @Test
    void a_port_offset_moves_every_port_of_every_process(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL).withPortOffset(1000), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        String peer = Files.readString(home.resolve("network/nodes/peer0.org1.ledger.local.env"));
        String orderer = Files.readString(home.resolve("network/nodes/orderer0.orderer.ledger.local.env"));

        assertThat(peer).contains("CORE_PEER_LISTENADDRESS='127.0.0.1:8051'").contains("CORE_OPERATIONS_LISTENADDRESS='127.0.0.1:10444'");
        assertThat(orderer).contains("ORDERER_GENERAL_LISTENPORT='8050'").contains("ORDERER_ADMIN_LISTENADDRESS='127.0.0.1:8053'");
    }

    @Test
    void peers_keep_no_per_key_history_index_that_nothing_reads(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        assertThat(Files.readString(home.resolve("network/nodes/peer0.org1.ledger.local.env")))
                .contains("CORE_LEDGER_HISTORY_ENABLEHISTORYDATABASE='false'");
    }

    @Test
    void the_issuer_and_limits_go_to_the_ledger_configuration(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        assertThat(Files.readString(home.resolve("network/network.env")))
                .contains("LEDGER_CONFIGURE_REQUEST='{\"batchLegsMax\":100,\"bulkOpenMax\":1000,\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":100}'");
    }

    @Test
    void the_configure_call_is_written_whole_for_the_peer_CLI(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        assertThat(Files.readString(home.resolve("network/network.env"))).contains("LEDGER_CONFIGURE_ARGS='{\"Args\":"
                + "[\"{\\\"batchLegsMax\\\":100,\\\"bulkOpenMax\\\":1000,\\\"issuerMsp\\\":\\\"Org1MSP\\\",\\\"pageSizeMax\\\":100}\"],"
                + "\"function\":\"Governance:configure\"}'");
    }

    @Test
    void the_roster_is_written_beside_the_network_files_with_the_offset_applied(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL).withPortOffset(1000), home)
                .generate(Path.of("/opt/fabric"), LOCAL_NODE.withPortOffset(1000));

        assertThat(Files.readAllLines(home.resolve("network/roster.tsv")))
                .contains("peer0.org1.ledger.local\tpeer\tOrg1\t8051 8052 10444\thttp http://127.0.0.1:10444/healthz\t-\t"
                        + "orderer0.orderer.ledger.local")
                .contains("node-service.Org2\tnode-service\tOrg2\t9081 9091\thttp http://127.0.0.1:9081/health/live\t"
                        + "http http://127.0.0.1:9081/health/ready\tsync-bridge.Org2");
    }

    @Test
    void the_process_environments_leave_the_roster_to_the_roster(@TempDir Path home) throws Exception {
        new NetworkGenerator(NetworkDescriptions.read(LOCAL), home).generate(Path.of("/opt/fabric"), LOCAL_NODE);

        assertThat(Files.readString(home.resolve("network/network.env"))).doesNotContain("LEDGER_PEERS", "LEDGER_ORDERERS");
        assertThat(Files.readString(home.resolve("network/nodes/peer0.org1.ledger.local.env")))
                .doesNotContain("LEDGER_NODE_PORTS", "LEDGER_NODE_KIND", "LEDGER_NODE_HEALTH_URL");
    }

    @Test
    void an_unknown_field_is_named_with_its_place(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, Files.readString(LOCAL).replace("    users: 2\n", "    users: 2\n    colour: blue\n"));

        assertThatThrownBy(() -> NetworkDescriptions.read(file))
                .isInstanceOf(InvalidNetworkException.class).hasMessageContaining("unknown field 'colour'").hasMessageContaining("orgs[0]");
    }

    @Test
    void two_processes_on_one_port_are_refused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clash.yaml");
        Files.writeString(file, Files.readString(LOCAL).replace("port: 7064", "port: 7051"));

        assertThatThrownBy(() -> NetworkDescriptions.read(file)).hasMessageContaining("duplicate host:port '127.0.0.1:7051'");
    }

    @Test
    void an_issuer_that_is_not_a_member_is_refused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("issuer.yaml");
        Files.writeString(file, Files.readString(LOCAL).replace("issuerOrg: Org1", "issuerOrg: Org7"));

        assertThatThrownBy(() -> NetworkDescriptions.read(file)).hasMessageContaining("issuerOrg 'Org7' is not one of the member orgs");
    }
}
