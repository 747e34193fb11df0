package io.ledgernode.reconciler.chain;

import java.util.Objects;

/** One asset as {@code Assets:list} states it: its code, decimals and supply in minor units. */
public record AssetLine(String code, int decimals, long supply) {

    public AssetLine {
        Objects.requireNonNull(code, "code");
        if (supply < 0) {
            throw new IllegalArgumentException("asset " + code + ": negative supply");
        }
    }
}
