package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The statement this node signs, byte for byte. The proof-verifier's {@code AttestationStatementTest} pins the same
 * golden text: the two modules are separate and must never drift apart.
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
    void the_signed_statement_is_the_documented_text_byte_for_byte() {
        byte[] statement = AttestationStatement.bytes("ledger", 29, new byte[] {0, (byte) 0xff, 0x10}, new byte[] {0, 11},
                new byte[0], "Org1MSP");

        assertThat(new String(statement, StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
    }

    @Test
    void a_value_that_could_forge_a_line_is_refused() {
        assertThatThrownBy(() -> AttestationStatement.bytes("ledger\nblock=1", 1, new byte[0], new byte[0], new byte[0],
                "Org1MSP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttestationStatement.bytes("ledger", 1, new byte[0], new byte[0], new byte[0],
                "Org1MSP=x")).isInstanceOf(IllegalArgumentException.class);
    }
}
