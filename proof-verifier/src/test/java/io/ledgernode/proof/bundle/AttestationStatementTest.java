package io.ledgernode.proof.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The canonical statement, byte for byte: the text an auditor can rebuild by hand, and the one node-service signs (it
 * uses this class, so signer and verifier cannot drift apart).
 */
class AttestationStatementTest {
    static final String GOLDEN = "ledger-node validity attestation v1\n"
            + "channel=ledger\n"
            + "block=29\n"
            + "header-hash=00ff10\n"
            + "validation-flags=000b\n"
            + "commit-hash=\n"
            + "attester-msp=Org1MSP\n";

    @Test
    void the_statement_is_the_documented_text_byte_for_byte() {
        byte[] statement = AttestationStatement.bytes("ledger", 29, ByteString.copyFrom(new byte[] {0, (byte) 0xff, 0x10}),
                ByteString.copyFrom(new byte[] {0, 11}), ByteString.EMPTY, "Org1MSP");

        assertThat(new String(statement, StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
    }

    @Test
    void block_numbers_are_unsigned() {
        String text = new String(AttestationStatement.bytes("ledger", -1, ByteString.EMPTY, ByteString.EMPTY,
                ByteString.EMPTY, "Org1MSP"), StandardCharsets.UTF_8);

        assertThat(text).contains("block=18446744073709551615\n");
    }

    @Test
    void a_value_that_could_forge_a_line_is_refused() {
        assertThatThrownBy(() -> AttestationStatement.bytes("ledger", 1, ByteString.EMPTY, ByteString.EMPTY,
                ByteString.EMPTY, "Org1MSP\nchannel=other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttestationStatement.bytes("Ledger", 1, ByteString.EMPTY, ByteString.EMPTY,
                ByteString.EMPTY, "Org1MSP")).isInstanceOf(IllegalArgumentException.class);
    }
}
