package io.ledgernode.chaincode.asset;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.asset.Asset;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssetsContractTest {
    private final Scenario scenario = new Scenario();

    @BeforeEach
    void configure() {
        scenario.ok(ISSUER_ADMIN, Transactions.GOVERNANCE_CONFIGURE, ConfigureRequest.of("Org1MSP"));
    }

    @Test
    void any_client_of_the_issuer_registers_an_asset_with_zero_supply() {
        final Outcome outcome = scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2));
        assertThat(outcome.payload()).isEqualTo("{\"code\":\"USD\",\"decimals\":2}");
        assertThat(outcome.events().get(0).getKey()).isEqualTo("ASSET_REGISTERED");
        assertThat(scenario.harness().evaluate(BANK, Transactions.ASSETS_GET, "USD").result(Asset.class).decimals())
                .isEqualTo(2);
        assertThat(scenario.harness().evaluate(BANK, Transactions.ASSETS_SUPPLY, "USD").payload())
                .isEqualTo("{\"asset\":\"USD\",\"supply\":\"0\"}");
    }

    @Test
    void only_the_issuer_registers_and_only_once() {
        assertRejected(scenario.submit(BANK, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2)),
                ErrorCode.FORBIDDEN);
        scenario.ok(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 2));
        assertRejected(scenario.submit(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("USD", 0)),
                ErrorCode.ASSET_EXISTS);
    }

    @Test
    void bad_codes_and_decimals_outside_0_to_18_are_INVALID_ARGUMENT() {
        for (final String json : new String[] {"{\"code\":\"usd\",\"decimals\":2}", "{\"code\":\"US\",\"decimals\":2}",
            "{\"code\":\"USD\",\"decimals\":19}", "{\"code\":\"USD\",\"decimals\":-1}", "{\"code\":\"USD\"}",
            "{\"code\":\"USD\",\"decimals\":2.5}"}) {
            assertRejected(scenario.harness().submit(ISSUER, Transactions.ASSETS_REGISTER, json),
                    ErrorCode.INVALID_ARGUMENT);
        }
        assertThat(scenario.submit(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("BTC8", 18))
                .success()).isTrue();
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ASSETS_GET, "GBP"), ErrorCode.UNKNOWN_ASSET);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.ASSETS_SUPPLY, "GBP"), ErrorCode.UNKNOWN_ASSET);
    }
}
