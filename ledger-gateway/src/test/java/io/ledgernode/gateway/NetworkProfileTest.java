package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkProfileTest {

    private static final String PROFILE = """
            {"network":"local","channel":"ledger","chaincode":"ledger","issuerOrg":"Org1","txClockTolerance":"PT1M",
             "orgs":{"Org1":{"mspId":"Org1MSP",
               "gateways":[{"address":"127.0.0.1:7051","tlsHostname":"peer0.org1.ledger.local","tlsRootCertFile":"/x/ca.crt"},
                           {"address":"127.0.0.1:7151","tlsHostname":"peer1.org1.ledger.local","tlsRootCertFile":"/x/ca.crt"}],
               "identities":{"User1":{"certificateFile":"/x/cert.pem","privateKeyFile":"/x/priv_sk","roles":["client"]}}}}}
            """;

    @Test
    void reads_what_the_generator_writes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("network"));
        Files.writeString(dir.resolve("network/profile.json"), PROFILE);

        NetworkProfile profile = NetworkProfile.ofHome(dir);

        assertThat(profile.channel()).isEqualTo("ledger");
        assertThat(profile.org("Org1").gateway().address()).isEqualTo("127.0.0.1:7051");
        assertThat(profile.org("Org1").gateways()).extracting(NetworkProfile.Endpoint::tlsHostname)
                .containsExactly("peer0.org1.ledger.local", "peer1.org1.ledger.local");
        assertThat(profile.org("Org1").identity("User1").privateKeyFile()).isEqualTo(Path.of("/x/priv_sk"));
    }

    @Test
    void names_the_orgs_it_has_when_asked_for_one_it_has_not(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("profile.json"), PROFILE);

        assertThatThrownBy(() -> NetworkProfile.read(dir.resolve("profile.json")).org("Org9"))
                .hasMessageContaining("no org 'Org9'").hasMessageContaining("Org1");
    }

    @Test
    void refuses_a_profile_with_fields_it_does_not_know(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("profile.json"), PROFILE.replace("\"network\":", "\"surprise\":1,\"network\":"));

        assertThatThrownBy(() -> NetworkProfile.read(dir.resolve("profile.json"))).hasMessageContaining("cannot read network profile");
    }
}
