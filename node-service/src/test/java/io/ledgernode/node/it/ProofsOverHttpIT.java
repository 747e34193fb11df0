package io.ledgernode.node.it;

import static io.ledgernode.node.it.NodeFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import io.ledgernode.proof.VerifyProof;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proofs as an auditor gets them: downloaded from the node started by scripts/ledger up (its bundle carries Org1's
 * attestation and Org2's, fetched from Org2's own node), then checked by the offline verifier trusting only the
 * orgs' root certificates. A wallet gets the proofs of its own transactions only.
 */
class ProofsOverHttpIT {

    private static final NodeFixture node = NodeFixture.locate();

    @Test
    void an_auditor_downloads_a_transfer_s_proof_and_verifies_it_offline() throws Exception {
        String issuer = node.token(Role.ISSUER);
        String operator = node.token(Role.OPERATOR);
        String asset = "P" + node.run;
        String payer = "proof-a-" + node.run;
        String payee = "proof-b-" + node.run;
        node.openAccounts(asset, "DE", payer, payee);
        ok(node.post("/v1/mint", issuer, "mint", "{\"account\":\"" + payer + "\",\"amount\":\"500\"}"));
        JsonNode sent = ok(node.post("/v1/transfers", operator, "pay", "{\"from\":\"" + payer + "\",\"to\":\"" + payee
                + "\",\"asset\":\"" + asset + "\",\"amount\":\"120\"}"));
        String txId = sent.path("txId").asText();
        // The wallet's check reads the mirror: let it take the block in first.
        node.get("/v1/accounts/" + payer + "?minBlock=" + sent.path("blockNumber").asLong(), operator);

        String auditor = node.token(Role.AUDITOR);
        HttpResponse<String> proof = node.get("/v1/proofs/" + txId, auditor);
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        Path bundle = Files.createTempFile("proof", ".json");
        Files.writeString(bundle, proof.body());

        Verified verified = verify(bundle);
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("PASS validity-attestations", "PASS endorsements", "PASS orderer-signatures",
                "PASS effects");

        Files.writeString(bundle, proof.body().replace("\"VALID\"", "\"MVCC_READ_CONFLICT\""));
        assertThat(verify(bundle).status()).as("a bundle claiming another outcome").isEqualTo(1);

        String payersWallet = node.token(Set.of(Role.WALLET), Set.of(payer), Optional.empty());
        String strangersWallet = node.token(Set.of(Role.WALLET), Set.of("proof-stranger-" + node.run), Optional.empty());
        assertThat(node.get("/v1/proofs/" + txId, payersWallet).statusCode()).isEqualTo(200);
        assertThat(node.get("/v1/proofs/" + txId, strangersWallet).statusCode()).isEqualTo(404);
        assertThat(node.get("/v1/proofs/" + "0".repeat(64), auditor).statusCode()).isEqualTo(404);
    }

    @Test
    void a_node_attests_a_block_without_a_token_and_refuses_a_block_it_does_not_hold() throws Exception {
        HttpResponse<String> attestation = node.get("/v1/attestations/0");
        assertThat(attestation.statusCode()).as(attestation.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(attestation.body()).path("mspId").asText()).isEqualTo("Org1MSP");
        assertThat(node.get("/v1/attestations/999999999").statusCode()).isEqualTo(404);
        assertThat(node.get("/v1/attestations/minus-one").statusCode()).isEqualTo(400);
    }

    private record Verified(int status, String output) {
    }

    private static Verified verify(Path bundle) throws Exception {
        List<String> args = new ArrayList<>(List.of(bundle.toString(), "--roots"));
        try (Stream<Path> dirs = Files.find(Path.of(System.getProperty("ledger.it.home"), "crypto"), 5,
                (path, attributes) -> attributes.isDirectory() && path.endsWith("msp/cacerts") && path.toString().contains("Organizations"))) {
            dirs.map(Path::toString).sorted().forEach(args::add);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyProof.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verified(status, out.toString(StandardCharsets.UTF_8));
    }
}
