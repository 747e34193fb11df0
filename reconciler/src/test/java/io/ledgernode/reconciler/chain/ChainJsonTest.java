package io.ledgernode.reconciler.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.reconciler.mirror.OpenHolds;
import org.junit.jupiter.api.Test;

class ChainJsonTest {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void an_account_page_as_the_chaincode_writes_it_is_read_exactly() {
        AccountLinesPage page = ChainJson.accountPage("{\"accounts\":[{\"asset\":\"USD\",\"balance\":\"9223372036854775807\","
                + "\"held\":\"0\",\"id\":\"alice\",\"jurisdiction\":\"DE\",\"openHolds\":{\"count\":0,\"digest\":\"" + EMPTY
                + "\",\"sum\":\"0\"},\"status\":\"FROZEN\"}],\"bookmark\":\"AGFjY291bnQ\"}");

        assertThat(page.bookmark()).isEqualTo("AGFjY291bnQ");
        assertThat(page.bookmark().isEmpty()).isFalse();
        assertThat(page.accounts()).singleElement().satisfies(line -> {
            assertThat(line.balance()).isEqualTo(Amount.of(Long.MAX_VALUE));
            assertThat(line.status()).isEqualTo(AccountStatus.FROZEN);
            assertThat(line.openHolds()).isEqualTo(OpenHolds.NONE);
        });
    }

    @Test
    void an_amount_that_is_a_number_negative_or_beyond_64_bits_is_refused() {
        for (String balance : new String[] {"12", "\"-1\"", "\"01\"", "\"9223372036854775808\"", "\"1.5\"", "null"}) {
            String json = "{\"accounts\":[{\"asset\":\"USD\",\"balance\":" + balance + ",\"held\":\"0\",\"id\":\"a\","
                    + "\"jurisdiction\":\"DE\",\"openHolds\":{\"count\":0,\"digest\":\"" + EMPTY + "\",\"sum\":\"0\"},"
                    + "\"status\":\"ACTIVE\"}],\"bookmark\":\"\"}";
            assertThatThrownBy(() -> ChainJson.accountPage(json)).as(balance).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void an_asset_page_and_a_supply_are_read() {
        AssetLinesPage page = ChainJson.assetPage("{\"assets\":[{\"code\":\"USD\",\"decimals\":2,\"supply\":\"1500\"}],\"bookmark\":\"\"}");

        assertThat(page.assets()).containsExactly(AssetLine.of("USD", 2, Amount.of(1500)));
        assertThat(page.bookmark().isEmpty()).isTrue();
        assertThat(ChainJson.supply("{\"asset\":\"USD\",\"supply\":\"7\"}")).isEqualTo(7);
    }

    @Test
    void a_list_request_is_written_from_ledger_apis_typed_request() {
        assertThat(ChainJson.listRequest(100, "")).isEqualTo("{\"bookmark\":\"\",\"pageSize\":100}");
        assertThat(ChainJson.listRequest(5, "AGFj\"x")).isEqualTo("{\"bookmark\":\"AGFj\\\"x\",\"pageSize\":5}");
    }
}
