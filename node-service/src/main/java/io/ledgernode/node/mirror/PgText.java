package io.ledgernode.node.mirror;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Values as PostgreSQL prints them ({@code value::text}), which is how the API has always shown the mirror's times:
 * the answers stay byte for byte what they were when the rows came back as text, now that they come back typed.
 */
public final class PgText {

    private PgText() {
    }

    /**
     * A {@code timestamptz} as PostgreSQL prints it with DateStyle ISO in time zone {@code zone} (the JDBC driver sets
     * the session's zone to the JVM's): {@code 2026-03-01 10:15:30.1234+00}, fractions of a second only when there
     * are any, without trailing zeros; the offset as {@code +HH}, with {@code :MM} (and {@code :SS}) only when needed.
     */
    public static String timestamptz(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        StringBuilder text = new StringBuilder(32);
        text.append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", time.getYear(), time.getMonthValue(), time.getDayOfMonth(),
                time.getHour(), time.getMinute(), time.getSecond()));
        int micros = time.getNano() / 1_000;
        if (micros != 0) {
            String fraction = String.format(Locale.ROOT, "%06d", micros);
            text.append('.').append(fraction.replaceFirst("0+$", ""));
        }
        return text.append(offset(time.getOffset())).toString();
    }

    /** In the JVM's time zone, the one the driver gives every session. */
    public static String timestamptz(Instant instant) {
        return instant == null ? null : timestamptz(instant, ZoneId.systemDefault());
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        char sign = seconds < 0 ? '-' : '+';
        int abs = Math.abs(seconds);
        StringBuilder text = new StringBuilder().append(sign).append(String.format(Locale.ROOT, "%02d", abs / 3600));
        if (abs % 3600 != 0) {
            text.append(String.format(Locale.ROOT, ":%02d", abs % 3600 / 60));
            if (abs % 60 != 0) {
                text.append(String.format(Locale.ROOT, ":%02d", abs % 60));
            }
        }
        return text.toString();
    }
}
