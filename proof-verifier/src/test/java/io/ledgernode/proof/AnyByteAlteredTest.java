package io.ledgernode.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.proof.check.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundle file's bytes, altered one at a time at positions spread over the whole file (JSON structure, names,
 * numbers, base64 of every block, hex of every header, attestations, claims), never verify. {@code
 * -Dproof.anyByte.stride=1} tries every byte of the file (minutes, not seconds).
 */
class AnyByteAlteredTest {
    /** Positions tried per bundle by default (every ~100 bytes of a ~60 KB file): seconds, not minutes. */
    private static final int POSITIONS = 600;

    @Test
    void no_single_altered_byte_anywhere_in_a_bundle_passes() {
        byte[] original = Fixtures.bundle("mvcc-invalid");
        ProofVerifier verifier = new ProofVerifier(Fixtures.roots());
        List<String> passed = new ArrayList<>();
        int stride = Integer.getInteger("proof.anyByte.stride", Math.max(1, original.length / POSITIONS));
        for (int position = 0; position < original.length; position += stride) {
            for (byte replacement : replacements(original[position])) {
                byte[] altered = original.clone();
                altered[position] = replacement;
                Report report = verifier.verify(altered);
                if (report.passed()) {
                    passed.add("byte " + position + " '" + (char) original[position] + "' -> '" + (char) replacement + "'");
                }
            }
        }

        assertThat(passed).isEmpty();
    }

    @Test
    void a_final_newline_is_the_one_byte_that_may_be_added() {
        byte[] original = Fixtures.bundle("mint");
        byte[] withNewline = java.util.Arrays.copyOf(original, original.length + 1);
        withNewline[original.length] = '\n';

        assertThat(new ProofVerifier(Fixtures.roots()).verify(withNewline).passed()).isTrue();
    }

    /** A bit flip, and the neighbouring character: both stay printable where the original was. */
    private static byte[] replacements(byte original) {
        return new byte[] {(byte) (original ^ 1), (byte) (original + 1 == 127 ? original - 1 : original + 1)};
    }
}
