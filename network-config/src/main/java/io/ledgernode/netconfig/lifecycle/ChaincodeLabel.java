package io.ledgernode.netconfig.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The label of a chaincode-as-a-service package: {@code <chaincode>_<digest>}. A CCaaS package carries no code, so
 * the label is what names the build the servers run. The digest (the first 12 hex digits of a SHA-256) covers each
 * zip entry's name, size and CRC-32, one line {@code "name size crc32-as-8-hex\n"} per entry in name order, so two
 * builds of the same code that differ only in entry order or timestamps get the same label.
 */
public final class ChaincodeLabel {

    static final int DIGEST_HEX_DIGITS = 12;

    private ChaincodeLabel() {
    }

    /** The label of {@code jar} deployed as chaincode {@code name}. */
    public static String of(String name, Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (ZipEntry entry : entries) {
                String line = entry.getName() + " " + entry.getSize() + " " + String.format("%08x", entry.getCrc()) + "\n";
                sha256.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return name + "_" + HexFormat.of().formatHex(sha256.digest()).substring(0, DIGEST_HEX_DIGITS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chaincode jar " + jar + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
