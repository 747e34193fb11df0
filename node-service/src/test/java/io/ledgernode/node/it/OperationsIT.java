package io.ledgernode.node.it;

import static io.ledgernode.node.it.NodeFixture.ok;
import static io.ledgernode.node.it.NodeFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's and issuer's side over real HTTP against the node started by scripts/ledger up: batch transfers,
 * freeze and unfreeze, burn, the final outcome of a write by its key, readiness and metrics.
 */
class OperationsIT {

    private static NodeFixture node;
    private static String issuer;
    private static String operator;

    @BeforeAll
    static void locate() {
        node = NodeFixture.locate();
        issuer = node.token(Role.ISSUER);
        operator = node.token(Role.OPERATOR);
    }

    @Test
    void a_frozen_account_cannot_send_until_unfrozen_and_a_batch_moves_all_legs_or_none() throws Exception {
        String asset = "F" + node.run;
        String a = "ops-a-" + node.run;
        String b = "ops-b-" + node.run;
        String c = "ops-c-" + node.run;
        fundedAccounts(asset, 1000, a, b, c);

        ok(node.post("/v1/accounts/" + a + "/freeze", operator, "f1", "{\"reason\":\"court order 17\"}"));
        HttpResponse<String> refused = node.post("/v1/transfers", operator, "t1", transfer(a, b, asset, "10"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(refused.body()).path("code").asText()).isEqualTo("ACCOUNT_FROZEN");
        ok(node.post("/v1/accounts/" + a + "/unfreeze", operator, "u1", null));
        ok(node.post("/v1/transfers", operator, "t2", transfer(a, b, asset, "10")));

        // The second leg overdraws c: nothing of the batch happens.
        HttpResponse<String> batch = node.post("/v1/transfers/batch", operator, "b1",
                "{\"legs\":[" + transfer(a, c, asset, "100") + "," + transfer(c, b, asset, "5000") + "]}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(422);
        JsonNode done = ok(node.post("/v1/transfers/batch", operator, "b2",
                "{\"legs\":[" + transfer(a, c, asset, "100") + "," + transfer(c, b, asset, "1100") + "]}"));
        long block = done.path("blockNumber").asLong();
        assertThat(balance(a, block)).isEqualTo("890");
        assertThat(balance(b, block)).isEqualTo("2110");
        assertThat(balance(c, block)).isEqualTo("0");
    }

    @Test
    void the_issuer_burns_from_its_own_account_and_supply_falls() throws Exception {
        String asset = "B" + node.run;
        String treasury = "ops-treasury-" + node.run;
        fundedAccounts(asset, 500, treasury);

        JsonNode burned = ok(node.post("/v1/burn", issuer, "burn1", "{\"account\":\"" + treasury + "\",\"amount\":\"200\"}"));
        // The balance read waits until the mirror holds the burn's block, so the supply read after it sees it too.
        assertThat(balance(treasury, burned.path("blockNumber").asLong())).isEqualTo("300");
        JsonNode supply = Json.MAPPER.readTree(node.get("/v1/supply", issuer).body());
        assertThat(supply.path("assets").findValues("code").stream().map(JsonNode::asText)).contains(asset);
        for (JsonNode row : supply.path("assets")) {
            if (row.path("code").asText().equals(asset)) {
                assertThat(row.path("supply").asText()).isEqualTo("300");
            }
        }
    }

    @Test
    void a_write_s_final_outcome_is_found_by_its_idempotency_key_and_an_unused_key_is_not() throws Exception {
        String asset = "W" + node.run;
        String from = "ops-w1-" + node.run;
        String to = "ops-w2-" + node.run;
        fundedAccounts(asset, 100, from, to);
        JsonNode sent = ok(node.post("/v1/transfers", operator, "status-1", transfer(from, to, asset, "40")));
        // The answer's block number comes from the mirror: wait until it holds the transfer's block.
        assertThat(balance(to, sent.path("blockNumber").asLong())).isEqualTo("140");

        HttpResponse<String> status = node.get("/v1/writes/status-1-" + node.run, operator);
        JsonNode outcome = ok(status);
        assertThat(outcome.path("status").asText()).isEqualTo("COMMITTED");
        assertThat(outcome.path("txId").asText()).isEqualTo(sent.path("txId").asText());
        assertThat(outcome.path("blockNumber").asLong()).isEqualTo(sent.path("blockNumber").asLong());
        assertThat(node.get("/v1/writes/never-used-" + node.run, operator).statusCode()).isEqualTo(404);
    }

    @Test
    void the_node_is_ready_and_its_metrics_name_routes_by_template() throws Exception {
        HttpResponse<String> ready = node.get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(ready.body()).path("checks").path("mirrorLag").asText()).isEqualTo("UP");

        node.get("/v1/accounts/ops-nobody-" + node.run, operator);
        String metrics = node.get("/metrics").body();
        assertThat(metrics).containsPattern("ledger_api_request_duration_seconds_bucket\\{[^}]*route=\"GET /v1/accounts/\\{id}\"")
                .containsPattern("ledger_submit_outcomes_total\\{[^}]*outcome=\"committed\"")
                .contains("ledger_mirror_height ")
                .doesNotContain("ops-nobody-");
    }

    private static void fundedAccounts(String asset, long each, String... ids) throws Exception {
        node.openAccounts(asset, "FR", ids);
        for (String id : ids) {
            ok(node.post("/v1/mint", issuer, "mint-" + id, "{\"account\":\"" + id + "\",\"amount\":\"" + each + "\"}"));
        }
    }

    private static String balance(String account, long minBlock) throws Exception {
        return Json.MAPPER.readTree(node.get("/v1/accounts/" + account + "?minBlock=" + minBlock, operator).body()).path("balance").asText();
    }

}
