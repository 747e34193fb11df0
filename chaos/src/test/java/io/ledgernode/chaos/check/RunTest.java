package io.ledgernode.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunTest {

    @Test
    void the_fault_table_names_processes_without_their_domain_and_keeps_their_host_and_a_cut_off_hosts_address() {
        assertThat(Run.shortName("peer0.org1.ledger.local")).isEqualTo("peer0.org1");
        assertThat(Run.shortName("node-service.Org2")).isEqualTo("node-service.Org2");
        assertThat(Run.shortName("10.231.77.31/peer0.org2.ledger.local")).isEqualTo("10.231.77.31/peer0.org2");
        assertThat(Run.shortName("10.231.77.31/postgres")).isEqualTo("10.231.77.31/postgres");
        assertThat(Run.shortName("10.231.77.31")).isEqualTo("10.231.77.31");
    }
}
