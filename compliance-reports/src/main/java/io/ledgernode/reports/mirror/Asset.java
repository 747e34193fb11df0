package io.ledgernode.reports.mirror;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An asset registered at or before the cut-off, with the decimals its amounts are shown with. A projection of the
 * mirror's {@link io.ledgernode.mirror.Asset} without its supply, which is the supply after the last mirrored block;
 * a report's supply is the one at its cut-off ({@link MirrorSnapshot#supplies()}).
 */
public record Asset(String code, int decimals) {

    public Asset {
        Objects.requireNonNull(code, "code");
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals of " + code + " is negative: " + decimals);
        }
    }

    /** An amount in minor units as a decimal string, exactly ({@code 400000} with 2 decimals is {@code 4000.00}). */
    public String decimal(BigInteger minorUnits) {
        return new BigDecimal(minorUnits).movePointLeft(decimals).toPlainString();
    }

    public String decimal(long minorUnits) {
        return decimal(BigInteger.valueOf(minorUnits));
    }
}
