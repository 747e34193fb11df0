package io.ledgernode.netconfig.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaincodeLabelTest {

    private static void zip(Path file, String... namesAndContents) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** The digest the scripts computed before it moved to Java (Python's zipfile), so deployed labels stay valid. */
    @Test
    void the_label_is_the_one_the_scripts_computed_before(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("fixture.jar");
        zip(jar, "org/ledger/B.class", "second entry", "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n",
                "org/ledger/A.class", "first");

        assertThat(ChaincodeLabel.of("ledger", jar)).isEqualTo("ledger_495603235952");
    }

    @Test
    void the_order_of_entries_does_not_change_the_label(@TempDir Path dir) throws Exception {
        zip(dir.resolve("a.jar"), "x", "1", "y", "22");
        zip(dir.resolve("b.jar"), "y", "22", "x", "1");

        assertThat(ChaincodeLabel.of("ledger", dir.resolve("a.jar"))).isEqualTo(ChaincodeLabel.of("ledger", dir.resolve("b.jar")));
    }

    @Test
    void another_content_changes_the_label(@TempDir Path dir) throws Exception {
        zip(dir.resolve("a.jar"), "x", "1");
        zip(dir.resolve("b.jar"), "x", "2");

        assertThat(ChaincodeLabel.of("ledger", dir.resolve("a.jar"))).isNotEqualTo(ChaincodeLabel.of("ledger", dir.resolve("b.jar")));
    }

    @Test
    void a_missing_jar_is_named(@TempDir Path dir) {
        assertThatThrownBy(() -> ChaincodeLabel.of("ledger", dir.resolve("none.jar")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("none.jar");
    }
}
