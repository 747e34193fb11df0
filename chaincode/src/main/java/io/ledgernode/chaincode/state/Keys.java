package io.ledgernode.chaincode.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The composite keys of every record, each with its type prefix. Attributes are validated identifiers (never the
 * composite-key delimiters), so key building cannot fail on request input.
 */
public final class Keys {
    public static final String CONFIG = "config";
    public static final String ASSET = "asset";
    public static final String SUPPLY = "supply";
    public static final String ACCOUNT = "account";
    public static final String BALANCE = "balance";
    public static final String CREDIT = "credit";
    public static final String HOLD = "hold";
    public static final String OPEN_HOLD = "openHold";
    public static final String IDEM = "idem";
    public static final String ENTRY = "entry";
    public static final String DAILY = "daily";

    /** Fixed-width so that key order is time order (years 1000 to 9999). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Fixed width of an entry index; a transaction has far fewer entries (batch legs are bounded). */
    private static final int INDEX_DIGITS = 6;
    /** Fabric's composite-key delimiter, before the type and after every segment. */
    private static final char DELIMITER = '\u0000';
    /** The highest code point, which Fabric reserves in composite keys (range ends). */
    private static final String MAX_CODE_POINT = new String(Character.toChars(Character.MAX_CODE_POINT));

    private Keys() {}

    public static String config() {
        return key(CONFIG);
    }

    public static String asset(final String code) {
        return key(ASSET, code);
    }

    public static String supply(final String code) {
        return key(SUPPLY, code);
    }

    public static String account(final String id) {
        return key(ACCOUNT, id);
    }

    /** The settled balance and held amount of an account: read and written by debits and hold changes only. */
    public static String balance(final String account) {
        return key(BALANCE, account);
    }

    /** A pending credit: unique per transaction and entry, so concurrent credits never touch the same key. */
    public static String credit(final String account, final String txId, final int index) {
        return key(CREDIT, account, txId, index(index));
    }

    public static String hold(final String id) {
        return key(HOLD, id);
    }

    /** The index of an account's open holds, present only while the hold is open. */
    public static String openHold(final String account, final String holdId) {
        return key(OPEN_HOLD, account, holdId);
    }

    /** An idempotency record, scoped by the caller's MSP. */
    public static String idempotency(final String mspId, final String idempotencyKey) {
        return key(IDEM, mspId, idempotencyKey);
    }

    /** A history entry: in key order, an account's entries are oldest first. */
    public static String entry(final String account, final Instant txTime, final String txId, final int index) {
        return key(ENTRY, account, SORTABLE.format(txTime), txId, index(index));
    }

    /**
     * Where the sum of an account's debits on one UTC day ({@code 2026-11-22}) was kept before it moved into the
     * account's balance record: read only for a record written before that, never written.
     */
    public static String legacyDaily(final String account, final String utcDay) {
        return key(DAILY, account, utcDay);
    }

    /**
     * The prefix of every record of a type, or of those under leading attributes, for a range read in key order:
     * {@code prefix(ASSET)} lists assets in code order (supplies and balances are in the same order as their assets
     * and accounts), {@code prefix(CREDIT, account)} an account's pending credits, {@code prefix(ENTRY, account)} its
     * history oldest first, {@code prefix(OPEN_HOLD, account)} its open holds in hold-id order.
     */
    public static CompositeKey prefix(final String type, final String... attributes) {
        return new CompositeKey(type, attributes);
    }

    /**
     * The composite key Fabric's {@link CompositeKey} would make of {@code type} and {@code attributes}, with the same
     * segment rule, built directly: the shim's class compiles a regular expression for every segment it checks, which
     * was a tenth of the chaincode's CPU in a transfer (every transaction builds a dozen keys).
     */
    private static String key(final String type, final String... attributes) {
        final StringBuilder key = new StringBuilder(96).append(DELIMITER);
        segment(key, type);
        for (final String attribute : attributes) {
            segment(key, attribute);
        }
        return key.toString();
    }

    private static void segment(final StringBuilder key, final String segment) {
        if (segment.indexOf(DELIMITER) >= 0 || segment.contains(MAX_CODE_POINT)) {
            throw new IllegalArgumentException("a composite-key segment may not hold U+0000 or U+10FFFF: "
                    + segment.replace(DELIMITER, '/'));
        }
        key.append(segment).append(DELIMITER);
    }

    private static String index(final int index) {
        if (index < 0 || index > 999_999) {
            throw new IllegalStateException("entry index out of range: " + index);
        }
        final String digits = Integer.toString(index);
        return "0".repeat(INDEX_DIGITS - digits.length()) + digits;
    }
}
