package io.ledgernode.chaincode.governance;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.BANK_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.event.ConfiguredEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.api.governance.LedgerConfig;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import org.junit.jupiter.api.Test;

class GovernanceContractTest {
    private final Scenario scenario = new Scenario();

    @Test
    void an_admin_of_the_named_issuer_org_configures_once_with_defaults_and_an_event() {
        final Outcome outcome = scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE,
                ConfigureRequest.of("Org1MSP"));
        assertThat(outcome.payload()).isEqualTo(
                "{\"batchLegsMax\":100,\"bulkOpenMax\":1000,\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":100}");
        assertThat(outcome.events().get(0).getKey()).isEqualTo("CONFIGURED");
        final ConfiguredEvent event = (ConfiguredEvent) LedgerEvents.parse("CONFIGURED",
                outcome.events().get(0).getValue());
        assertThat(event.config().issuerMsp()).isEqualTo("Org1MSP");
        assertThat(event.entries()).isEmpty();

        final LedgerConfig config = scenario.harness().evaluate(BANK, Transactions.GOVERNANCE_CONFIG, "")
                .result(LedgerConfig.class);
        assertThat(config.pageSizeMax()).isEqualTo(100);
    }

    @Test
    void configuring_a_second_time_is_ALREADY_CONFIGURED() {
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP", 10, 5, 20));
        assertRejected(scenario.submit(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE,
                ConfigureRequest.of("Org1MSP")), ErrorCode.ALREADY_CONFIGURED);
        assertThat(scenario.harness().evaluate(BANK, Transactions.GOVERNANCE_CONFIG, "").result(LedgerConfig.class)
                .bulkOpenMax()).isEqualTo(10);
    }

    @Test
    void a_client_of_the_issuer_org_or_an_admin_of_another_org_may_not_configure() {
        assertRejected(scenario.submit(ISSUER, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP")),
                ErrorCode.FORBIDDEN);
        // An admin may only name its own org as issuer.
        assertRejected(scenario.submit(BANK_ADMIN, Transactions.GOVERNANCE_CONFIGURE,
                ConfigureRequest.of("Org1MSP")), ErrorCode.FORBIDDEN);
    }

    @Test
    void every_other_write_and_the_config_query_are_NOT_CONFIGURED_before_configure() {
        assertRejected(scenario.submit(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2)),
                ErrorCode.NOT_CONFIGURED);
        assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_OPEN,
                OpenAccountRequest.of("alice", "USD", "r", "DE")), ErrorCode.NOT_CONFIGURED);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.GOVERNANCE_CONFIG, ""),
                ErrorCode.NOT_CONFIGURED);
        // A transfer reads no configuration when its accounts exist, and none can before configure.
        assertRejected(scenario.transfer(BANK, "alice", "bob", 1), ErrorCode.NOT_CONFIGURED);
    }

    @Test
    void limits_outside_their_bounds_are_INVALID_ARGUMENT() {
        for (final String json : new String[] {"{\"issuerMsp\":\"Org1MSP\",\"bulkOpenMax\":0}",
            "{\"issuerMsp\":\"Org1MSP\",\"batchLegsMax\":1001}", "{\"issuerMsp\":\"Org1MSP\",\"pageSizeMax\":-1}",
            "{\"issuerMsp\":\"Org1 MSP\"}", "{\"issuerMsp\":\"Org1MSP\",\"admins\":[]}"}) {
            assertRejected(scenario.harness().submit(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, json),
                    ErrorCode.INVALID_ARGUMENT);
        }
        assertThat(LedgerJson.writeString(ConfigureRequest.of("Org1MSP").toConfig())).contains("\"bulkOpenMax\":1000");
    }

    @Test
    void the_config_query_takes_an_empty_argument() {
        final Outcome outcome = scenario.harness().evaluate(BANK, Transactions.GOVERNANCE_CONFIG, "x");
        assertRejected(outcome, ErrorCode.INVALID_ARGUMENT);
    }
}
