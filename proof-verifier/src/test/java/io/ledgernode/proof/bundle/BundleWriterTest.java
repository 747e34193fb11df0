package io.ledgernode.proof.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.ledgernode.api.Amount;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The bundle file's and the attestation document's shape, as docs/proof-bundle.md (version 1) defines them, written
 * as node-service serves them and read back strictly.
 */
class BundleWriterTest {
    private static final Attestation ATTESTATION = new Attestation("Org2MSP",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "ledger", 29, bytes(1, 2, 3), bytes(0, 11),
            bytes(9), bytes(48, 6, 2, 1, 1, 2, 1, 1));

    private static final BlockHeader HEADER = BlockHeader.newBuilder().setNumber(7)
            .setPreviousHash(bytes(1, 2)).setDataHash(bytes(3)).build();
    private static final Block BLOCK = Block.newBuilder().setHeader(HEADER).build();

    private static ByteString bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return ByteString.copyFrom(bytes);
    }

    private static ProofBundle bundle(List<Attestation> attestations, Claim claim) {
        return ProofBundle.of("ledger", "tx1", BLOCK, 0, Block.getDefaultInstance(), List.of(HEADER),
                Metadata.newBuilder().setValue(bytes(5)).build(), attestations, claim);
    }

    private static JsonNode written(Claim claim) throws Exception {
        return new ObjectMapper().readTree(BundleWriter.write(bundle(List.of(ATTESTATION), claim)));
    }

    @Test
    void an_attestation_is_written_compactly_with_hex_hashes_and_base64_signature() {
        String json = new String(BundleWriter.writeAttestation(ATTESTATION), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"format\":\"ledger-node-validity-attestation\",\"version\":1,\"mspId\":\"Org2MSP\","
                + "\"certificate\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\",\"channel\":\"ledger\","
                + "\"blockNumber\":29,\"headerHash\":\"010203\",\"validationFlags\":\"000b\",\"commitHash\":\"09\","
                + "\"signature\":\"MAYCAQECAQE=\"}");
    }

    @Test
    void what_is_written_reads_back_equal() throws Exception {
        assertThat(BundleReader.readAttestation(BundleWriter.writeAttestation(ATTESTATION))).isEqualTo(ATTESTATION);
    }

    @Test
    void another_document_is_refused() {
        String json = new String(BundleWriter.writeAttestation(ATTESTATION), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BundleReader.readAttestation(json.replace("\"version\":1", "\"version\":2")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(BundleFormatException.class);
        assertThatThrownBy(() -> BundleReader.readAttestation(json.replace("{\"format\"", "{\"extra\":1,\"format\"")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("unknown field 'extra'");
        assertThatThrownBy(() -> BundleReader.readAttestation("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BundleFormatException.class);
    }

    @Test
    void a_bundle_has_the_documented_fields_and_no_others() throws Exception {
        JsonNode json = written(new Claim("VALID", Optional.of(new ClaimedEffects(true, "ledger", "Money:mint", "MINTED",
                List.of(ClaimedEntry.of(Entry.of("alice", "USD", EntryKind.MINT, Amount.of(100), null))),
                List.of(new ClaimedWrite("ledger", "k\u0000", false, bytes(42)))))));

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
        JsonNode json = written(new Claim("VALID", Optional.empty()));

        assertThat(json.path("claim").toString()).isEqualTo("{\"validationCode\":\"VALID\",\"effects\":null}");
    }

    @Test
    void the_file_is_compact_with_no_whitespace_between_tokens() {
        byte[] json = BundleWriter.write(bundle(List.of(), new Claim("VALID", Optional.empty())));

        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain(" ", "\n");
    }
}
