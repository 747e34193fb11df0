package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wallet app's day over real HTTP against the node started by scripts/ledger up (real network, real mirror):
 * the operator opens accounts, the issuer funds one, the wallet moves money and reads its balance and history with
 * read-your-writes; and the paths it must not take.
 */
class WalletDayIT {

    private static NodeFixture node;
    private static String run;

    @BeforeAll
    static void locate() {
        node = NodeFixture.locate();
        run = node.run;
    }

    @Test
    void open_fund_transfer_and_read_back_with_read_your_writes() throws Exception {
        String asset = "D" + run;
        String alice = "day-alice-" + run;
        String bob = "day-bob-" + run;
        String issuer = token(Set.of(Role.ISSUER), Set.of(), Optional.empty());
        String operator = token(Set.of(Role.OPERATOR), Set.of(), Optional.empty());
        String wallet = token(Set.of(Role.WALLET), Set.of(alice), Optional.empty());

        assertThat(post("/v1/assets", issuer, "a", "{\"code\":\"" + asset + "\",\"decimals\":2}").statusCode()).isEqualTo(200);
        for (String id : new String[] {alice, bob}) {
            assertThat(post("/v1/accounts", operator, "o-" + id, "{\"id\":\"" + id + "\",\"asset\":\"" + asset
                    + "\",\"ownerRef\":\"cust-" + id + "\",\"jurisdiction\":\"DE\"}").statusCode()).isEqualTo(200);
        }
        assertThat(post("/v1/mint", issuer, "m", "{\"account\":\"" + alice + "\",\"amount\":\"10000\"}").statusCode()).isEqualTo(200);

        String transfer = "{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\",\"asset\":\"" + asset + "\",\"amount\":\"2500\"}";
        HttpResponse<String> sent = post("/v1/transfers", wallet, "t1", transfer);
        JsonNode done = Json.MAPPER.readTree(sent.body());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(done.path("status").asText()).isEqualTo("COMMITTED");
        long block = done.path("blockNumber").asLong();

        JsonNode account = Json.MAPPER.readTree(get("/v1/accounts/" + alice + "?minBlock=" + block, wallet).body());
        assertThat(account.path("balance").asText()).isEqualTo("7500");
        assertThat(account.path("mirrorHeight").asLong()).isGreaterThan(block);

        HttpResponse<String> again = post("/v1/transfers", wallet, "t1", transfer);
        assertThat(again.statusCode()).as("same key, same body").isEqualTo(200);
        JsonNode replayed = Json.MAPPER.readTree(again.body());
        assertThat(replayed.path("idempotencyKey").asText()).as("the key the caller sent, no prefix").isEqualTo("t1-" + run);
        assertThat(replayed.path("txId").asText()).as("the original transaction, no replay of its own").isEqualTo(done.path("txId").asText());
        assertThat(replayed.path("blockNumber").asLong()).as("the original's block").isEqualTo(block);
        assertThat(replayed.path("result")).isEqualTo(done.path("result"));
        assertThat(post("/v1/transfers", wallet, "t1", transfer.replace("2500", "2501")).statusCode()).as("same key, other body").isEqualTo(409);

        String hold = "day-hold-" + run;
        HttpResponse<String> placed = post("/v1/holds", wallet, "h1", "{\"holdId\":\"" + hold + "\",\"account\":\"" + alice
                + "\",\"amount\":\"1000\",\"expiresAt\":\"" + java.time.Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\",\"payee\":\"" + bob + "\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        long placedBlock = Json.MAPPER.readTree(placed.body()).path("blockNumber").asLong();
        // The wallet captures through its own account's hold, which the service finds in the mirror: read-your-writes first.
        get("/v1/accounts/" + alice + "?minBlock=" + placedBlock, wallet);
        HttpResponse<String> captured = post("/v1/holds/" + hold + "/capture", wallet, "h2", "{\"to\":\"" + bob + "\",\"amount\":\"600\"}");
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
        long capturedBlock = Json.MAPPER.readTree(captured.body()).path("blockNumber").asLong();
        JsonNode afterCapture = Json.MAPPER.readTree(get("/v1/accounts/" + alice + "?minBlock=" + capturedBlock, wallet).body());
        assertThat(afterCapture.path("balance").asText()).isEqualTo("6900");
        assertThat(afterCapture.path("held").asText()).isEqualTo("0");

        JsonNode history = Json.MAPPER.readTree(get("/v1/accounts/" + alice + "/transactions?limit=10&minBlock=" + block, wallet).body());
        assertThat(history.path("entries").findValuesAsText("kind")).containsSubsequence("HOLD_RELEASE", "HOLD_CAPTURE", "HOLD", "DEBIT", "MINT");
    }

    @Test
    void forbidden_paths_are_refused_without_leaking_what_exists() throws Exception {
        String wallet = token(Set.of(Role.WALLET), Set.of("day-nobody-" + run), Optional.empty());

        assertThat(get("/v1/accounts/day-someone-else", wallet).statusCode()).isEqualTo(404);
        assertThat(post("/v1/mint", wallet, "m", "{\"account\":\"x\",\"amount\":\"1\"}").statusCode()).isEqualTo(403);
        assertThat(get("/v1/supply", wallet).statusCode()).isEqualTo(403);
        assertThat(get("/v1/supply", "not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> overdraft = post("/v1/transfers", wallet, "x", "{\"from\":\"day-nobody-" + run
                + "\",\"to\":\"b\",\"asset\":\"USD\",\"amount\":\"5\"}");
        assertThat(overdraft.statusCode()).as(overdraft.body()).isIn(404, 422);
    }

    private static String token(Set<Role> roles, Set<String> accounts, Optional<String> jurisdiction) {
        return node.token(roles, accounts, jurisdiction);
    }

    private static HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
        return node.post(path, token, key, body);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return node.get(path, token);
    }
}
