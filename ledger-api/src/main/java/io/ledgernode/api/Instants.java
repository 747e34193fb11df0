package io.ledgernode.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Instants as the interface writes them: ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-22T10:15:30.123Z}). Requests may omit the fraction or give one to three digits; finer precision is
 * rejected rather than silently dropped.
 */
public final class Instants {
    private static final Pattern ACCEPTED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");
    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Instants() {}

    /** Parses an instant field; INVALID_ARGUMENT if it is missing or not in the accepted form. */
    public static Instant parse(final String field, final String text) {
        Require.present(field, text);
        if (!ACCEPTED.matcher(text).matches()) {
            throw Require.invalid(field + " is not an ISO-8601 UTC instant with at most milliseconds: "
                    + Require.quoted(text));
        }
        try {
            return Instant.parse(text);
        } catch (final DateTimeParseException e) {
            throw Require.invalid(field + " is not a valid instant: " + Require.quoted(text));
        }
    }

    /** The written form, truncated to milliseconds. */
    public static String format(final Instant instant) {
        return WRITTEN.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses and rewrites an instant field into the written form. */
    public static String normalize(final String field, final String text) {
        return format(parse(field, text));
    }
}
