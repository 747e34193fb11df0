package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The attestation document: what the endpoint answers and a bundle embeds, read back strictly. */
class AttestationJsonTest {
    static final Attestation ATTESTATION = new Attestation("Org2MSP", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            "ledger", 29, new byte[] {1, 2, 3}, new byte[] {0, 11}, new byte[] {9}, new byte[] {48, 6, 2, 1, 1, 2, 1, 1});

    @Test
    void an_attestation_is_written_compactly_with_hex_hashes_and_base64_signature() {
        String json = new String(AttestationJson.write(ATTESTATION), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"format\":\"ledger-node-validity-attestation\",\"version\":1,\"mspId\":\"Org2MSP\","
                + "\"certificate\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\",\"channel\":\"ledger\","
                + "\"blockNumber\":29,\"headerHash\":\"010203\",\"validationFlags\":\"000b\",\"commitHash\":\"09\","
                + "\"signature\":\"MAYCAQECAQE=\"}");
    }

    @Test
    void what_is_written_reads_back_equal() {
        assertThat(AttestationJson.read(AttestationJson.write(ATTESTATION))).isEqualTo(ATTESTATION);
    }

    @Test
    void another_document_is_refused() {
        String json = new String(AttestationJson.write(ATTESTATION), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AttestationJson.read(json.replace("\"version\":1", "\"version\":2").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttestationJson.read(json.replace("{\"format\"", "{\"extra\":1,\"format\"")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("unknown field 'extra'");
        assertThatThrownBy(() -> AttestationJson.read("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
