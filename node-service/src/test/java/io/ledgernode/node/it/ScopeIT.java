package io.ledgernode.node.it;

import static io.ledgernode.node.it.NodeFixture.ok;
import static io.ledgernode.node.it.NodeFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each role sees its scope and nothing more, against the running node and mirror (issue "The node holds under
 * hostile input"): a batch [alice→bob, treas→carol] as alice's wallet sees it, its proof refused to her, a DE-only
 * transaction's proof refused to regulators of FR and of US.
 */
class ScopeIT {

    private static final NodeFixture node = NodeFixture.locate();

    @Test
    void a_batch_shows_a_wallet_its_own_leg_and_masks_the_other_and_its_proof_is_for_auditors() throws Exception {
        String issuer = node.token(Role.ISSUER);
        String operator = node.token(Role.OPERATOR);
        String asset = "S" + node.run;
        String alice = "scope-alice-" + node.run;
        String bob = "scope-bob-" + node.run;
        String treas = "scope-treas-" + node.run;
        String carol = "scope-carol-" + node.run;
        node.openAccounts(asset, "DE", alice, bob, treas, carol);
        ok(node.post("/v1/mint", issuer, "mint-a", "{\"account\":\"" + alice + "\",\"amount\":\"500\"}"));
        ok(node.post("/v1/mint", issuer, "mint-t", "{\"account\":\"" + treas + "\",\"amount\":\"500\"}"));
        JsonNode sent = ok(node.post("/v1/transfers/batch", operator, "batch", "{\"legs\":["
                + transfer(alice, bob, asset, "10") + "," + transfer(treas, carol, asset, "20") + "]}"));
        String txId = sent.path("txId").asText();
        long block = sent.path("blockNumber").asLong();

        String wallet = node.token(Set.of(Role.WALLET), Set.of(alice), Optional.empty());
        HttpResponse<String> seen = node.get("/v1/transactions/" + txId + "?minBlock=" + block, wallet);
        JsonNode entries = ok(seen).path("entries");
        assertThat(entries.findValuesAsText("accountId")).containsExactly(alice, bob, "other-1", "other-2");
        assertThat(seen.body()).doesNotContain(treas).doesNotContain(carol);

        HttpResponse<String> proof = node.get("/v1/proofs/" + txId, wallet);
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(proof.body()).path("code").asText()).isEqualTo("PROOF_SCOPE_EXCEEDED");
        String auditor = node.token(Role.AUDITOR);
        assertThat(node.get("/v1/proofs/" + txId, auditor).statusCode()).isEqualTo(200);

        for (String jurisdiction : List.of("FR", "US")) {
            String regulator = node.token(Set.of(Role.REGULATOR), Set.of(), Optional.of(jurisdiction));
            assertThat(node.get("/v1/transactions/" + txId, regulator).statusCode()).as(jurisdiction).isEqualTo(404);
            assertThat(node.get("/v1/proofs/" + txId, regulator).statusCode()).as(jurisdiction).isEqualTo(404);
        }
        String german = node.token(Set.of(Role.REGULATOR), Set.of(), Optional.of("DE"));
        assertThat(node.get("/v1/proofs/" + txId, german).statusCode()).isEqualTo(200);
    }

}
