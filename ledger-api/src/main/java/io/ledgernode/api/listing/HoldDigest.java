package io.ledgernode.api.listing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The digest of {@link HoldSummary}: the lowercase hex SHA-256 of {@code id:amount\n} (amount in minor units) for
 * each open hold, added in {@link KeyOrder#IDS} order. The chaincode computes it while reading its open-hold index
 * (already in that order); the reconciler computes it from the mirror's rows after sorting them. One definition, so
 * two sides that agree on the digest agree on every open hold's id and amount. Not thread-safe; one per account.
 */
public final class HoldDigest {
    private final MessageDigest sha256 = sha256();

    /** Adds the next open hold; the caller adds them in {@link KeyOrder#IDS} order of their ids. */
    public HoldDigest add(final String holdId, final long amountMinorUnits) {
        sha256.update((holdId + ":" + amountMinorUnits + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The digest of the holds added so far, as 64 lowercase hex digits; the digest is finished by this call. */
    public String hex() {
        final byte[] bytes = sha256.digest();
        final StringBuilder out = new StringBuilder(bytes.length * 2);
        for (final byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            // Every Java platform provides SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
