package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.ledgernode.api.Amount;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

/** The bundle file's shape, as docs/proof-bundle.md (version 1) defines it. */
class ProofBundleJsonTest {
    private static final BlockHeader HEADER = BlockHeader.newBuilder().setNumber(7)
            .setPreviousHash(ByteString.copyFrom(new byte[] {1, 2})).setDataHash(ByteString.copyFrom(new byte[] {3})).build();
    private static final Block BLOCK = Block.newBuilder().setHeader(HEADER).build();

    private static JsonNode written(ProofBundle.Claim claim) throws Exception {
        ProofBundle bundle = new ProofBundle("ledger", "tx1", BLOCK, 0, Block.getDefaultInstance(), List.of(HEADER),
                ByteString.copyFrom(new byte[] {5}), List.of(AttestationJsonTest.ATTESTATION), claim);
        return ProofJson.MAPPER.readTree(bundle.toJson());
    }

    @Test
    void a_bundle_has_the_documented_fields_and_no_others() throws Exception {
        JsonNode json = written(new ProofBundle.Claim("VALID", Optional.of(new ProofBundle.Effects(true, "ledger",
                "Money:mint", "MINTED", List.of(Entry.of("alice", "USD", EntryKind.MINT, Amount.of(100), null)),
                List.of(new ProofBundle.Write("ledger", "k\u0000", false, new byte[] {42}))))));

        assertThat(json.fieldNames()).toIterable().containsExactly("format", "version", "channel", "txId", "block",
                "configBlock", "headers", "endBlockSignatures", "attestations", "claim");
        assertThat(json.path("format").asText()).isEqualTo("ledger-node-proof-bundle");
        assertThat(json.path("headers").get(0).toString()).isEqualTo("{\"number\":7,\"previousHash\":\"0102\",\"dataHash\":\"03\"}");
        assertThat(json.path("claim").path("effects").path("entries").get(0).toString()).isEqualTo(
                "{\"account\":\"alice\",\"asset\":\"USD\",\"kind\":\"MINT\",\"amount\":\"100\",\"holdId\":null}");
        assertThat(json.path("claim").path("effects").path("writes").get(0).toString()).isEqualTo(
                "{\"namespace\":\"ledger\",\"key\":\"k\\u0000\",\"delete\":false,\"value\":\"Kg==\"}");
        assertThat(json.path("attestations").get(0).path("mspId").asText()).isEqualTo("Org2MSP");
    }

    @Test
    void a_configuration_transaction_claims_no_effects() throws Exception {
        JsonNode json = written(new ProofBundle.Claim("VALID", Optional.empty()));

        assertThat(json.path("claim").toString()).isEqualTo("{\"validationCode\":\"VALID\",\"effects\":null}");
    }

    @Test
    void the_file_is_compact_with_no_whitespace_between_tokens() throws Exception {
        ProofBundle bundle = new ProofBundle("ledger", "tx1", BLOCK, 0, Block.getDefaultInstance(), List.of(HEADER),
                ByteString.EMPTY, List.of(), new ProofBundle.Claim("VALID", Optional.empty()));

        assertThat(new String(bundle.toJson(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(" ", "\n");
    }
}
