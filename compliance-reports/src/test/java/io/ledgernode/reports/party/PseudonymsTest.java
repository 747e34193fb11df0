package io.ledgernode.reports.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudonyms are stable under one key, differ under another, and never show the owner reference. */
class PseudonymsTest {

    @TempDir
    Path directory;

    @Test
    void the_same_key_gives_the_same_pseudonym_every_time_and_another_key_another() throws Exception {
        Pseudonyms one = Pseudonyms.fromKeyFile(key("k1", 'a'), 32);
        Pseudonyms again = Pseudonyms.fromKeyFile(key("k1", 'a'), 32);
        Pseudonyms other = Pseudonyms.fromKeyFile(key("k2", 'b'), 32);

        assertThat(one.of("owner-alice")).isEqualTo(again.of("owner-alice")).matches("p-[0-9a-f]{32}")
                .doesNotContain("alice").isNotEqualTo(other.of("owner-alice")).isNotEqualTo(one.of("owner-bob"));
    }

    @Test
    void a_key_shorter_than_32_bytes_is_refused() throws Exception {
        Path shortKey = Files.writeString(directory.resolve("short"), "0123456789");

        assertThatThrownBy(() -> Pseudonyms.fromKeyFile(shortKey, 32)).isInstanceOf(IOException.class)
                .hasMessageContaining("at least 32");
    }

    private Path key(String name, char fill) throws IOException {
        return Files.writeString(directory.resolve(name), String.valueOf(fill).repeat(40));
    }
}
