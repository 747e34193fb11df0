package io.ledgernode.node.it;

import static io.ledgernode.node.it.NodeFixture.ok;
import static io.ledgernode.node.it.NodeFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.api.Instants;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 against the node started by scripts/ledger up: every write retried under its key answers what the first
 * answered, with no transaction of its own; accounts open in bulk; limits are set through the API; holds are read
 * one by one and by status; and the node itself releases a hold once it expires.
 */
class ApiCompletenessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
    void every_administrative_write_retried_under_its_key_answers_the_first_answer_and_adds_no_transaction() throws Exception {
        String asset = "R" + node.run;
        String account = "rp-" + node.run;
        String[][] writes = {
            {"/v1/assets", issuer, "asset-r", "{\"code\":\"" + asset + "\",\"decimals\":2}"},
            {"/v1/accounts", operator, "open-r", "{\"id\":\"" + account + "\",\"asset\":\"" + asset
                    + "\",\"ownerRef\":\"cust-r\",\"jurisdiction\":\"FR\"}"},
            {"/v1/accounts/" + account + "/freeze", operator, "freeze-r", "{\"reason\":\"court order 18\"}"},
            {"/v1/accounts/" + account + "/unfreeze", operator, "unfreeze-r", null},
        };
        for (String[] write : writes) {
            JsonNode first = ok(node.post(write[0], write[1], write[2], write[3]));
            JsonNode again = ok(node.post(write[0], write[1], write[2], write[3]));

            assertThat(again.path("txId").asText()).as(write[0]).isEqualTo(first.path("txId").asText());
            assertThat(again.path("blockNumber").asLong()).as(write[0]).isEqualTo(first.path("blockNumber").asLong());
            assertThat(again.path("result")).as(write[0]).isEqualTo(first.path("result"));
            assertThat(again.path("idempotencyKey").asText()).as(write[0]).isEqualTo(write[2] + "-" + node.run);
            // The write-status route finds it by the key the caller sent.
            JsonNode status = ok(node.get("/v1/writes/" + write[2] + "-" + node.run, write[1]));
            assertThat(status.path("txId").asText()).as(write[0]).isEqualTo(first.path("txId").asText());
        }
        // The same key with another request is a conflict, and the asset is not registered twice.
        HttpResponse<String> other = node.post("/v1/assets", issuer, "asset-r", "{\"code\":\"" + asset + "\",\"decimals\":3}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(other.body()).path("code").asText()).isEqualTo("IDEMPOTENCY_CONFLICT");
    }

    @Test
    void accounts_open_in_bulk_limits_hold_and_the_node_releases_an_expired_hold_by_itself() throws Exception {
        String asset = "H" + node.run;
        String payer = "hx-a-" + node.run;
        String payee = "hx-b-" + node.run;
        ok(node.post("/v1/assets", issuer, "asset-h", "{\"code\":\"" + asset + "\",\"decimals\":2}"));
        JsonNode opened = ok(node.post("/v1/accounts/batch", operator, "bulk-h", "{\"accounts\":[{\"id\":\"" + payer + "\",\"asset\":\""
                + asset + "\",\"ownerRef\":\"cust-a\",\"jurisdiction\":\"FR\"},{\"id\":\"" + payee + "\",\"asset\":\"" + asset
                + "\",\"ownerRef\":\"cust-b\",\"jurisdiction\":\"DE\"}]}"));
        assertThat(opened.path("result").path("accounts").findValuesAsText("id")).containsExactly(payer, payee);
        ok(node.post("/v1/mint", issuer, "mint-h", "{\"account\":\"" + payer + "\",\"amount\":\"1000\"}"));

        ok(put("/v1/accounts/" + payer + "/limits", "limits-h", "{\"perTransferMax\":\"50\"}"));
        HttpResponse<String> tooMuch = node.post("/v1/transfers", operator, "big-h", transfer(payer, payee, asset, "60"));
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(tooMuch.body()).path("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        JsonNode limited = ok(node.get("/v1/accounts/" + payer, operator));
        assertThat(limited.path("perTransferMax").asText()).isEqualTo("50");

        String holdId = "hx-" + node.run;
        String expiresAt = Instants.format(Instant.now().plusSeconds(3));
        JsonNode placed = ok(node.post("/v1/holds", operator, "hold-h", "{\"holdId\":\"" + holdId + "\",\"account\":\"" + payer
                + "\",\"amount\":\"40\",\"expiresAt\":\"" + expiresAt + "\"}"));
        long placedBlock = placed.path("blockNumber").asLong();
        JsonNode open = ok(node.get("/v1/holds/" + holdId + "?minBlock=" + placedBlock, operator));
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("expiresAt").asText()).isEqualTo(expiresAt);
        assertThat(ok(node.get("/v1/accounts/" + payer + "/holds?status=OPEN", operator)).path("holds").findValuesAsText("id"))
                .containsExactly(holdId);
        // A wallet of another account is told it does not exist.
        String stranger = node.token(Set.of(Role.WALLET), Set.of(payee), Optional.empty());
        assertThat(node.get("/v1/holds/" + holdId, stranger).statusCode()).isEqualTo(404);
        HttpResponse<String> early = node.post("/v1/holds/" + holdId + "/release", operator, "early-h", null);
        assertThat(Json.MAPPER.readTree(early.body()).path("code").asText()).as(early.body()).isEqualTo("HOLD_NOT_EXPIRED");

        // Nobody releases it: the node does, within a few of its rounds after the expiry.
        JsonNode released = open;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (!released.path("status").asText().equals("RELEASED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            released = ok(node.get("/v1/holds/" + holdId, operator));
        }
        assertThat(released.path("status").asText()).as(released.toString()).isEqualTo("RELEASED");
        assertThat(released.path("closedTxId").asText()).isNotEmpty();
        JsonNode account = ok(node.get("/v1/accounts/" + payer + "?minBlock=" + released.path("closedBlock").asLong(), operator));
        assertThat(account.path("held").asText()).isEqualTo("0");
        assertThat(ok(node.get("/v1/accounts/" + payer + "/holds?status=RELEASED", operator)).path("holds").findValuesAsText("id"))
                .containsExactly(holdId);
        assertThat(node.get("/metrics").body()).containsPattern("ledger_expired_holds_released_total [1-9]");
    }

    @Test
    void a_wallet_downloads_its_statement_with_each_entrys_counterparty_and_reference_as_json_csv_and_pdf() throws Exception {
        String asset = "S" + node.run;
        String payer = "st-a-" + node.run;
        String payee = "st-b-" + node.run;
        node.openAccounts(asset, "FR", payer, payee);
        ok(node.post("/v1/mint", issuer, "mint-s", "{\"account\":\"" + payer + "\",\"amount\":\"10000\"}"));
        JsonNode paid = ok(node.post("/v1/transfers", operator, "pay-s", "{\"from\":\"" + payer + "\",\"to\":\"" + payee
                + "\",\"asset\":\"" + asset + "\",\"amount\":\"2550\",\"reference\":\"invoice 2026-117, rent\"}"));
        long block = paid.path("blockNumber").asLong();
        String wallet = node.token(Set.of(Role.WALLET), Set.of(payer), Optional.empty());
        // The history shows the other side and the reference too, with the time as the API writes every time.
        JsonNode history = ok(node.get("/v1/accounts/" + payer + "/transactions?minBlock=" + block, wallet));
        assertThat(history.path("entries").get(0).path("counterparty").asText()).isEqualTo(payee);
        assertThat(history.path("entries").get(0).path("reference").asText()).isEqualTo("invoice 2026-117, rent");
        assertThat(history.path("entries").get(0).path("txTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode json = ok(node.get("/v1/accounts/" + payer + "/statement", wallet));
        assertThat(json.path("opening").path("balance").asText()).isEqualTo("0.00");
        assertThat(json.path("closing").path("balance").asText()).isEqualTo("74.50");
        assertThat(json.path("entries").findValuesAsText("counterparty")).contains(payee);
        assertThat(json.path("mirrorHeight").asLong()).isGreaterThan(block);
        HttpResponse<String> csv = node.get("/v1/accounts/" + payer + "/statement?format=csv", wallet);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).contains(",DEBIT,25.50,2550,-25.50,-2550,74.50,7450,0.00,0," + payee + ",\"invoice 2026-117, rent\",");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(node.api + "/v1/accounts/" + payer + "/statement?format=pdf"))
                .header("Authorization", "Bearer " + wallet).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // Another account's wallet is told there is no such account.
        String stranger = node.token(Set.of(Role.WALLET), Set.of(payee), Optional.empty());
        assertThat(node.get("/v1/accounts/" + payer + "/statement", stranger).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> put(String path, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.api + path)).header("Authorization", "Bearer " + operator)
                .header("Idempotency-Key", key + "-" + node.run).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
