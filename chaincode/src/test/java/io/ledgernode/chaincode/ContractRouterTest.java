package io.ledgernode.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Transactions;
import io.ledgernode.chaincode.testing.FakeLedger;
import io.ledgernode.chaincode.testing.FakeStub;
import io.ledgernode.chaincode.testing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real contract router finds the six contracts on the classpath and runs them (with the system clock). */
class ContractRouterTest {
    private static ContractRouter router;
    private final FakeLedger ledger = new FakeLedger();

    @BeforeAll
    static void startRouter() throws Exception {
        router = new ContractRouter(new String[] {"--id", "ledger_test:abc"});
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {
                // No network in unit tests: only the contract scan and metadata are wanted.
            }

            @Override
            public void stop() {
                // Nothing started.
            }
        });
    }

    @Test
    void the_router_discovers_all_six_contracts_and_their_transactions() {
        final Chaincode.Response metadata = invoke("org.hyperledger.fabric:GetMetadata", Instant.now(), null);
        assertThat(metadata.getStatus()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        final String json = metadata.getStringPayload();
        for (final String contract : List.of("Governance", "Assets", "Accounts", "Money", "Holds", "Compliance")) {
            assertThat(json).contains("\"" + contract + "\"");
        }
        for (final String transaction : Transactions.UPDATES) {
            assertThat(json).contains("\"" + Transactions.function(transaction) + "\"");
        }
    }

    @Test
    void a_transaction_runs_through_the_router_and_rejections_carry_code_and_payload() {
        final Chaincode.Response configured = invoke(Transactions.GOVERNANCE_CONFIGURE, Instant.now(),
                "{\"issuerMsp\":\"Org1MSP\"}");
        assertThat(configured.getStatus()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        assertThat(configured.getStringPayload()).contains("\"issuerMsp\":\"Org1MSP\"");

        final Chaincode.Response unknown = invoke("Money:steal", Instant.now(), "{}");
        assertThat(unknown.getStatusCode()).isEqualTo(500);
        assertThat(unknown.getMessage()).startsWith("INVALID_ARGUMENT: unknown transaction");
        assertThat(unknown.getStringPayload()).startsWith("{\"code\":\"INVALID_ARGUMENT\",\"message\":");

        final Chaincode.Response stale = invoke(Transactions.ACCOUNTS_GET, Instant.now().minus(Duration.ofHours(1)),
                "alice");
        assertThat(stale.getMessage()).startsWith("TX_TIME_OUT_OF_TOLERANCE: ");
        assertThat(stale.getStringPayload()).startsWith("{\"code\":\"TX_TIME_OUT_OF_TOLERANCE\"");

        final Chaincode.Response bad = invoke(Transactions.MONEY_TRANSFER, Instant.now(), "{\"amount\":1");
        assertThat(bad.getMessage()).startsWith("INVALID_ARGUMENT: ");
    }

    private Chaincode.Response invoke(final String function, final Instant timestamp, final String argument) {
        final List<byte[]> args = argument == null ? List.of(function.getBytes(UTF_8))
                : List.of(function.getBytes(UTF_8), argument.getBytes(UTF_8));
        final FakeStub stub = ledger.simulate("tx-" + System.nanoTime(), timestamp,
                Scenario.ISSUER_ADMIN.creator(), args);
        final Chaincode.Response response = router.invoke(stub);
        if (response.getStatus() == Chaincode.Response.Status.SUCCESS) {
            ledger.commit(stub);
        }
        return response;
    }
}
