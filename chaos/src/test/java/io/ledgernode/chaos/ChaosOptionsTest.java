package io.ledgernode.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    private static final String ORG = "Org1,http://10.0.0.2:8080,10.0.0.2:8090,api";

    @Test
    void a_run_across_hosts_takes_the_hosts_and_the_commands_that_cut_and_heal_one() throws Exception {
        ChaosOptions options = ChaosOptions.parse(new String[] {"run", "--home", "/h", "--out", "/o", "--org", ORG,
                "--hosts", "/b/hosts", "--cut", "netns.sh cut {host}", "--heal", "netns.sh heal {host}"});

        assertThat(options.hosts()).contains(Path.of("/b/hosts"));
        assertThat(options.partitions()).hasValueSatisfying(p -> assertThat(p.cutCommand()).isEqualTo("netns.sh cut {host}"));
        assertThat(options.orgs()).singleElement().satisfies(o -> {
            assertThat(o.mirror()).isEqualTo(ChaosOptions.MIRROR_THROUGH_NODE);
            assertThat(o.grpcPort()).isEqualTo(8090);
        });
    }

    @Test
    void a_run_on_one_host_has_no_partitions() throws Exception {
        ChaosOptions options = ChaosOptions.parse(new String[] {"run", "--home", "/h", "--out", "/o", "--org",
                "Org1,http://127.0.0.1:8080,127.0.0.1:8090,jdbc:postgresql://127.0.0.1:25432/ledger?user=ledger_reader"});

        assertThat(options.hosts()).isEmpty();
        assertThat(options.partitions()).isEmpty();
    }

    @Test
    void a_cut_without_a_heal_or_without_hosts_or_naming_no_host_is_refused_saying_why() {
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"run", "--home", "/h", "--out", "/o", "--org", ORG,
                "--hosts", "/b", "--cut", "x {host}"})).hasMessage("--cut and --heal go together");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"run", "--home", "/h", "--out", "/o", "--org", ORG,
                "--cut", "x {host}", "--heal", "y {host}"})).hasMessage("--cut and --heal need --hosts DIR (the hosts a partition cuts off)");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"run", "--home", "/h", "--out", "/o", "--org", ORG,
                "--hosts", "/b", "--cut", "ip link set down", "--heal", "y {host}"}))
                .hasMessage("the cut and heal commands must each name {host}");
    }
}
