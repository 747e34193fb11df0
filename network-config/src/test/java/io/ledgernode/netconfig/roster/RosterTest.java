package io.ledgernode.netconfig.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.netconfig.model.InvalidNetworkException;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.NetworkDescriptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RosterTest {

    private static final NetworkDescription LOCAL = NetworkDescriptions.read(Path.of("networks/local.yaml"));
    private static final LocalNode ORG1_EMBEDDED = new LocalNode("Org1", true, 55432, 9470, 8080, 8090, 9480);

    private static RosterProcess process(Roster roster, String name) {
        return roster.processes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void every_process_of_the_local_node_is_listed_once_in_start_order() {
        assertThat(Roster.of(LOCAL, ORG1_EMBEDDED).processes()).extracting(RosterProcess::name).containsExactly(
                "orderer0.orderer.ledger.local", "peer0.org1.ledger.local", "peer0.org2.ledger.local",
                "ccaas.org1.ledger.local", "ccaas.org2.ledger.local", "postgres", "postgres.Org2",
                "sync-bridge", "sync-bridge.Org2", "node-service", "node-service.Org2", "reconciler");
    }

    @Test
    void each_other_member_org_runs_its_node_on_the_next_ports() {
        Roster roster = Roster.of(LOCAL, ORG1_EMBEDDED);

        assertThat(process(roster, "postgres.Org2").ports()).containsExactly(55433);
        assertThat(process(roster, "sync-bridge.Org2").ports()).containsExactly(9471);
        assertThat(process(roster, "node-service.Org2").ports()).containsExactly(8081, 8091);
        assertThat(process(roster, "node-service.Org2").org()).isEqualTo("Org2");
    }

    @Test
    void a_node_acting_for_another_org_takes_the_plain_names_and_the_configured_ports() {
        Roster roster = Roster.of(LOCAL, new LocalNode("Org2", true, 55432, 9470, 8080, 8090, 9480));

        assertThat(process(roster, "node-service").org()).isEqualTo("Org2");
        assertThat(process(roster, "node-service").ports()).containsExactly(8080, 8090);
        assertThat(process(roster, "node-service.Org1").ports()).containsExactly(8081, 8091);
        assertThat(process(roster, "reconciler").org()).isEqualTo("Org2");
    }

    @Test
    void an_external_mirror_database_means_no_postgres_of_the_nodes_own() {
        Roster roster = Roster.of(LOCAL, new LocalNode("Org1", false, 55432, 9470, 8080, 8090, 9480));

        assertThat(roster.processes()).extracting(RosterProcess::name).doesNotContain("postgres").contains("postgres.Org2");
        assertThat(process(roster, "sync-bridge").after()).containsExactly("peer0.org1.ledger.local", "peer0.org2.ledger.local");
        assertThat(process(roster, "sync-bridge.Org2").after()).startsWith("postgres.Org2");
    }

    @Test
    void probes_and_start_dependencies_follow_each_kind() {
        Roster roster = Roster.of(LOCAL, ORG1_EMBEDDED);

        assertThat(process(roster, "orderer0.orderer.ledger.local").liveness().words()).isEqualTo("http http://127.0.0.1:9443/healthz");
        assertThat(process(roster, "ccaas.org2.ledger.local").liveness().words()).isEqualTo("tcp 127.0.0.1:7064");
        assertThat(process(roster, "postgres").liveness().words()).isEqualTo("pg 127.0.0.1:55432");
        assertThat(process(roster, "sync-bridge").readiness().map(Probe::words)).contains("http http://127.0.0.1:9470/health/ready");
        assertThat(process(roster, "reconciler").readiness()).isEmpty();
        assertThat(process(roster, "peer0.org2.ledger.local").after()).containsExactly("orderer0.orderer.ledger.local");
        assertThat(process(roster, "reconciler").after()).containsExactly(
                "postgres", "peer0.org1.ledger.local", "peer0.org2.ledger.local", "sync-bridge");
    }

    @Test
    void the_tsv_has_seven_tab_separated_columns_and_a_dash_for_none() {
        List<String> lines = Roster.of(LOCAL, ORG1_EMBEDDED).toTsv().lines().toList();

        assertThat(lines.get(0)).isEqualTo("# name\tkind\torg\tports\tliveness\treadiness\tafter");
        assertThat(lines).hasSize(13).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(7));
        assertThat(lines).contains("postgres\tpostgres\tOrg1\t55432\tpg 127.0.0.1:55432\t-\t-",
                "reconciler\treconciler\tOrg1\t9480\thttp http://127.0.0.1:9480/health/live\t-\t"
                        + "postgres peer0.org1.ledger.local peer0.org2.ledger.local sync-bridge");
    }

    @Test
    void a_node_port_that_a_fabric_process_holds_is_refused() {
        assertThatThrownBy(() -> Roster.of(LOCAL, new LocalNode("Org1", true, 55432, 9470, 7051, 8090, 9480)))
                .isInstanceOf(InvalidNetworkException.class).hasMessage("port 7051 of node-service is taken by another process of the node");
    }

    @Test
    void an_org_that_is_not_a_member_is_refused() {
        assertThatThrownBy(() -> Roster.of(LOCAL, new LocalNode("Org9", true, 55432, 9470, 8080, 8090, 9480)))
                .isInstanceOf(InvalidNetworkException.class).hasMessageContaining("no member org named 'Org9'");
    }

    @Test
    void a_member_port_past_the_last_port_is_refused() {
        assertThatThrownBy(() -> Roster.of(LOCAL, new LocalNode("Org1", true, 65535, 9470, 8080, 8090, 9480)))
                .isInstanceOf(InvalidNetworkException.class).hasMessageContaining("PostgreSQL of Org2 port must be in [1024, 65535], got 65536");
    }

    @Test
    void a_process_without_a_port_cannot_be_listed() {
        assertThatThrownBy(() -> new RosterProcess("x", ProcessKind.RECONCILER, "Org1", List.of(), Probe.tcp("h", 1), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final NetworkDescription CONSORTIUM = NetworkDescriptions.read(Path.of("networks/consortium-netns.yaml"));

    @Test
    void a_host_of_a_consortium_runs_only_its_own_processes_and_its_orgs_node() {
        Roster roster = Roster.ofHost(CONSORTIUM, "10.231.77.21", ORG1_EMBEDDED);

        assertThat(roster.processes()).extracting(RosterProcess::name).containsExactly(
                "peer0.org1.ledger.local", "ccaas.org1.ledger.local", "postgres", "sync-bridge", "node-service", "reconciler");
        assertThat(process(roster, "node-service").liveness().words()).isEqualTo("http http://10.231.77.21:8080/health/live");
        assertThat(process(roster, "sync-bridge").liveness().words()).isEqualTo("http http://127.0.0.1:9470/health/live");
        // Processes on other hosts start there: nothing here waits for them.
        assertThat(process(roster, "peer0.org1.ledger.local").after()).isEmpty();
        assertThat(process(roster, "sync-bridge").after()).containsExactly("postgres", "peer0.org1.ledger.local");
    }

    @Test
    void an_orderer_host_runs_its_orderer_and_no_node() {
        Roster roster = Roster.ofHost(CONSORTIUM, "10.231.77.12", ORG1_EMBEDDED);

        assertThat(roster.processes()).extracting(RosterProcess::name).containsExactly("orderer1.orderer.ledger.local");
    }

    @Test
    void a_host_refuses_to_run_another_orgs_node_and_an_unknown_host_is_named() {
        assertThatThrownBy(() -> Roster.ofHost(CONSORTIUM, "10.231.77.31", ORG1_EMBEDDED))
                .isInstanceOf(InvalidNetworkException.class).hasMessage("host 10.231.77.31 runs the node of Org2, not of Org1");
        assertThatThrownBy(() -> Roster.ofHost(CONSORTIUM, "10.9.9.9", ORG1_EMBEDDED))
                .isInstanceOf(InvalidNetworkException.class).hasMessageStartingWith("no process of the network runs on host 10.9.9.9");
    }

    @Test
    void an_admins_roster_lists_its_orgs_peers_though_they_share_ports_across_hosts() {
        assertThat(Roster.ofAdmin(CONSORTIUM, "Org2").processes()).extracting(RosterProcess::name)
                .containsExactly("peer0.org2.ledger.local", "peer1.org2.ledger.local");
    }

    @Test
    void a_consortiums_hosts_are_listed_once_each_in_description_order() {
        assertThat(CONSORTIUM.hosts()).containsExactly("10.231.77.11", "10.231.77.12", "10.231.77.13",
                "10.231.77.21", "10.231.77.22", "10.231.77.31", "10.231.77.32");
        assertThat(CONSORTIUM.nodeOrgOn("10.231.77.31")).map(o -> o.name()).contains("Org2");
        assertThat(CONSORTIUM.nodeOrgOn("10.231.77.22")).isEmpty();
    }
}
