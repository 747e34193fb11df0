package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerConnectionTest {

    @Test
    void a_connection_to_one_peer_is_refused_for_a_peer_of_another_org(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("profile.json"), """
                {"network":"local","channel":"ledger","chaincode":"ledger","issuerOrg":"Org1","txClockTolerance":"PT1M",
                 "orgs":{"Org1":{"mspId":"Org1MSP",
                   "gateways":[{"address":"127.0.0.1:7051","tlsHostname":"peer0.org1.ledger.local","tlsRootCertFile":"/x/ca.crt"}],
                   "identities":{"User1":{"certificateFile":"/x/cert.pem","privateKeyFile":"/x/priv_sk","roles":["client"]}}}}}
                """);
        NetworkProfile profile = NetworkProfile.read(dir.resolve("profile.json"));
        NetworkProfile.Endpoint foreign = new NetworkProfile.Endpoint("127.0.0.1:7061", "peer0.org2.ledger.local", Path.of("/x/ca.crt"));

        assertThatThrownBy(() -> LedgerConnection.openAt(profile, "Org1", foreign, "User1", GatewayTimeouts.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("peer0.org2.ledger.local is not a peer of Org1");
    }
}
