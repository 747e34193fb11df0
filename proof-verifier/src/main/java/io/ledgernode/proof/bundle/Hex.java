package io.ledgernode.proof.bundle;

import java.util.HexFormat;

/** Lowercase hex, the form of every hash and flag string in a bundle and in attestation statements. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Decodes lowercase hex of even length; anything else (uppercase included) is refused, so one value has one text. */
    public static byte[] parse(String field, String text) throws BundleFormatException {
        if (text == null) {
            throw new BundleFormatException(field + " is missing");
        }
        if (text.length() % 2 != 0 || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new BundleFormatException(field + " is not lowercase hex");
        }
        return FORMAT.parseHex(text);
    }
}
