package io.ledgernode.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A non-negative amount in integer minor units of its asset ({@code "12500"} is 125.00 of a 2-decimal asset), written
 * in JSON as a decimal string. Arithmetic is exact: a sum beyond 64 bits is {@link ErrorCode#AMOUNT_OVERFLOW}, never a
 * wrap-around, and there is no floating point anywhere.
 */
public final class Amount implements Comparable<Amount> {
    /** Canonical decimal text: no sign, no leading zeros, no fraction, at most 19 digits. */
    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public static final Amount ZERO = new Amount(0);

    private final long minorUnits;

    private Amount(final long minorUnits) {
        this.minorUnits = minorUnits;
    }

    /** An amount of minor units; a negative value is a programming error. */
    public static Amount of(final long minorUnits) {
        if (minorUnits < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + minorUnits);
        }
        return minorUnits == 0 ? ZERO : new Amount(minorUnits);
    }

    /**
     * Parses canonical decimal text ({@code "0"} or {@code ^[1-9][0-9]*$} within a signed 64-bit integer); anything
     * else is {@link ErrorCode#INVALID_AMOUNT}. Requests additionally demand at least 1 ({@link Require#positive}).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Amount parse(final String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw notAnAmount(text);
        }
        try {
            return of(Long.parseLong(text));
        } catch (final NumberFormatException e) {
            throw notAnAmount(text);
        }
    }

    public long minorUnits() {
        return minorUnits;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    /** This plus that; {@link ErrorCode#AMOUNT_OVERFLOW} beyond 64 bits. */
    public Amount plus(final Amount that) {
        try {
            return of(Math.addExact(minorUnits, that.minorUnits));
        } catch (final ArithmeticException e) {
            throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, this + " + " + that + " exceeds 64 bits");
        }
    }

    /** This minus that; callers check {@link #isLessThan} first, so a negative result is a programming error. */
    public Amount minus(final Amount that) {
        if (that.minorUnits > minorUnits) {
            throw new IllegalStateException(this + " - " + that + " would be negative");
        }
        return of(minorUnits - that.minorUnits);
    }

    public boolean isLessThan(final Amount that) {
        return minorUnits < that.minorUnits;
    }

    public boolean isGreaterThan(final Amount that) {
        return minorUnits > that.minorUnits;
    }

    @Override
    public int compareTo(final Amount that) {
        return Long.compare(minorUnits, that.minorUnits);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Amount && ((Amount) other).minorUnits == minorUnits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minorUnits);
    }

    /** The canonical decimal text, as written in JSON. */
    @JsonValue
    @Override
    public String toString() {
        return Long.toString(minorUnits);
    }

    private static LedgerException notAnAmount(final String text) {
        final String shown = text == null ? "null" : Require.quoted(text);
        return new LedgerException(ErrorCode.INVALID_AMOUNT,
                "not a positive integer amount of minor units within 64 bits: " + shown);
    }
}
