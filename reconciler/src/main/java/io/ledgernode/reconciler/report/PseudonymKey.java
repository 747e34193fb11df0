package io.ledgernode.reconciler.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret behind owner pseudonyms in reports: created once (32 random bytes, readable by its owner only) and then
 * kept, because another key would give every party another pseudonym and break the link between days.
 */
public final class PseudonymKey {

    private static final int BYTES = 32;

    private PseudonymKey() {
    }

    /** Creates the key file if it does not exist yet; an existing one is left exactly as it is. */
    public static void ensure(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, key, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        // Published whole or not at all: a reader never sees a short key.
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
