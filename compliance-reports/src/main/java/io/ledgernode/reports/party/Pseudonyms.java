package io.ledgernode.reports.party;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Turns owner references into stable, keyed pseudonyms ({@code p-} and hex digits of HMAC-SHA256). */
public final class Pseudonyms {

    /** Shorter keys than the hash's own size weaken the HMAC; refuse them rather than guess. */
    public static final int KEY_BYTES_MIN = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final int hexLength;

    private Pseudonyms(byte[] key, int hexLength) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.hexLength = hexLength;
    }

    /** The key is the file's raw bytes (for example {@code head -c 32 /dev/urandom > pseudonym.key}). */
    public static Pseudonyms fromKeyFile(Path keyFile, int hexLength) throws IOException {
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length < KEY_BYTES_MIN) {
            throw new IOException("pseudonym key " + keyFile + " has " + key.length + " bytes, at least "
                    + KEY_BYTES_MIN + " are required");
        }
        return new Pseudonyms(key, hexLength);
    }

    /** The pseudonym of this owner reference. */
    public String of(String ownerRef) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(ownerRef.getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest).substring(0, hexLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
