package io.ledgernode.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation shared by every request and record constructor. Each check names the field it checks and rejects with
 * {@link ErrorCode#INVALID_ARGUMENT} (or {@link ErrorCode#INVALID_AMOUNT} for amounts), so a bad request is always a
 * coded rejection and never a stack trace.
 */
public final class Require {
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ASSET_CODE = Pattern.compile("[A-Z][A-Z0-9]{2,11}");
    private static final Pattern OWNER_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern TX_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** Longest free text (transfer reference, freeze reason). */
    public static final int TEXT_LENGTH_MAX = 140;

    private Require() {}

    /** The value, or INVALID_ARGUMENT if it is missing. */
    public static <T> T present(final String field, final T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    public static String accountId(final String field, final String value) {
        return matching(field, value, ACCOUNT_ID, "an account id");
    }

    public static String holdId(final String field, final String value) {
        return matching(field, value, ACCOUNT_ID, "a hold id");
    }

    public static String assetCode(final String field, final String value) {
        return matching(field, value, ASSET_CODE, "an asset code");
    }

    public static String ownerRef(final String field, final String value) {
        return matching(field, value, OWNER_REF, "an owner reference");
    }

    public static String jurisdiction(final String field, final String value) {
        return matching(field, value, JURISDICTION, "a jurisdiction");
    }

    public static String idempotencyKey(final String field, final String value) {
        return matching(field, value, IDEMPOTENCY_KEY, "an idempotency key");
    }

    /** An optional idempotency key: null, or one {@link #idempotencyKey} accepts. */
    public static String optionalIdempotencyKey(final String field, final String value) {
        return value == null ? null : idempotencyKey(field, value);
    }

    public static String mspId(final String field, final String value) {
        return matching(field, value, MSP_ID, "an MSP id");
    }

    public static String txId(final String field, final String value) {
        return matching(field, value, TX_ID, "a transaction id");
    }

    /** Optional free text: null, or 1 to {@link #TEXT_LENGTH_MAX} characters with no control characters. */
    public static String optionalText(final String field, final String value) {
        if (value == null) {
            return null;
        }
        return text(field, value);
    }

    /** Required free text: 1 to {@link #TEXT_LENGTH_MAX} characters with no control characters. */
    public static String text(final String field, final String value) {
        present(field, value);
        if (value.isEmpty() || value.length() > TEXT_LENGTH_MAX) {
            throw invalid(field + " must have 1 to " + TEXT_LENGTH_MAX + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw invalid(field + " must not contain control characters");
            }
        }
        return value;
    }

    /** An int within [min, max]. */
    public static int within(final String field, final Integer value, final int min, final int max) {
        present(field, value);
        if (value < min || value > max) {
            throw invalid(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A request amount: present and at least 1 (the JSON text was already checked by {@link Amount#parse}). */
    public static Amount positive(final String field, final Amount value) {
        present(field, value);
        if (value.isZero()) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, field + " must be at least 1");
        }
        return value;
    }

    /** An immutable copy of a list that must be present and hold no nulls. */
    public static <T> List<T> list(final String field, final List<T> values) {
        present(field, values);
        final List<T> copy = new ArrayList<>(values.size());
        for (final T value : values) {
            copy.add(present(field + " item", value));
        }
        return Collections.unmodifiableList(copy);
    }

    /** An immutable copy of a list that must be present, hold no nulls and not be empty. */
    public static <T> List<T> nonEmptyList(final String field, final List<T> values) {
        final List<T> copy = list(field, values);
        if (copy.isEmpty()) {
            throw invalid(field + " must not be empty");
        }
        return copy;
    }

    /** An INVALID_ARGUMENT rejection with this text. */
    public static LedgerException invalid(final String text) {
        return new LedgerException(ErrorCode.INVALID_ARGUMENT, text);
    }

    private static String matching(final String field, final String value, final Pattern pattern, final String what) {
        present(field, value);
        if (!pattern.matcher(value).matches()) {
            throw invalid(field + " is not " + what + ": " + quoted(value));
        }
        return value;
    }

    /** A bounded, printable rendering of untrusted input for an error text. */
    static String quoted(final String value) {
        final StringBuilder out = new StringBuilder("\"");
        final int shown = Math.min(value.length(), 64);
        for (int i = 0; i < shown; i++) {
            final char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append(value.length() > shown ? "...\"" : "\"").toString();
    }
}
