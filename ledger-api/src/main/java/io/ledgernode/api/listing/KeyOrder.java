package io.ledgernode.api.listing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which the chaincode lists ids: the byte order of their UTF-8 text, a shorter id before any longer one it
 * begins (the state database orders composite keys by bytes, and each id ends in a zero byte). PostgreSQL's collation
 * {@code "C"} orders text the same way, so a mirror can be streamed in the chain's order whatever its own collation.
 */
public final class KeyOrder {
    /** Compares two ids as the chain orders them. */
    public static final Comparator<String> IDS = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private KeyOrder() {}
}
