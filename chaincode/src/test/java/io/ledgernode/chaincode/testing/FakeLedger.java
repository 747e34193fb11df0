package io.ledgernode.chaincode.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory world state with Fabric's validation: a transaction simulated by a {@link FakeStub} commits only if no
 * key it read (and no range it scanned) changed since it read them, as MVCC validation at commit does.
 */
public final class FakeLedger {
    /** Outcome of committing a simulated transaction. */
    public enum Validation {
        VALID,
        MVCC_READ_CONFLICT,
        PHANTOM_READ_CONFLICT
    }

    private final NavigableMap<String, Versioned> state = new TreeMap<>();
    private long height;

    /** A stub simulating one transaction against the current committed state. */
    public FakeStub simulate(final String txId, final Instant timestamp, final byte[] creator,
            final List<byte[]> args) {
        return new FakeStub(this, txId, timestamp, creator, args);
    }

    /** Validates the stub's read set against the committed state and, if valid, applies its writes. */
    public Validation commit(final FakeStub stub) {
        for (final Map.Entry<String, Long> read : stub.pointReads().entrySet()) {
            if (version(read.getKey()) != read.getValue()) {
                return Validation.MVCC_READ_CONFLICT;
            }
        }
        for (final FakeStub.RangeRead range : stub.rangeReads()) {
            if (!range.stillReadsTheSame(this)) {
                return Validation.PHANTOM_READ_CONFLICT;
            }
        }
        height++;
        for (final Map.Entry<String, byte[]> write : stub.writes().entrySet()) {
            if (write.getValue() == null) {
                state.remove(write.getKey());
            } else {
                state.put(write.getKey(), new Versioned(write.getValue(), height));
            }
        }
        return Validation.VALID;
    }

    /**
     * Overwrites a committed value in place, as a block of an older chaincode version left it (for tests of state
     * written before a format changed).
     */
    public void rewrite(final String key, final byte[] value) {
        height++;
        state.put(key, new Versioned(value.clone(), height));
    }

    /** The committed value, or null. */
    public byte[] value(final String key) {
        final Versioned versioned = state.get(key);
        return versioned == null ? null : versioned.value.clone();
    }

    /** The committed version of a key, -1 if absent. */
    long version(final String key) {
        final Versioned versioned = state.get(key);
        return versioned == null ? -1 : versioned.version;
    }

    /** Committed keys and versions in [start, end), in key order. */
    List<Map.Entry<String, Long>> range(final String start, final String end) {
        final List<Map.Entry<String, Long>> keys = new ArrayList<>();
        for (final Map.Entry<String, Versioned> entry : state.subMap(start, true, end, false).entrySet()) {
            keys.add(Map.entry(entry.getKey(), entry.getValue().version));
        }
        return keys;
    }

    /** Committed entries in [start, end), in key order. */
    NavigableMap<String, Versioned> entries(final String start, final String end) {
        return Collections.unmodifiableNavigableMap(state.subMap(start, true, end, false));
    }

    /** A copy of the whole committed state. */
    public SortedMap<String, byte[]> snapshot() {
        final SortedMap<String, byte[]> copy = new TreeMap<>();
        state.forEach((key, versioned) -> copy.put(key, versioned.value.clone()));
        return copy;
    }

    /** A value and the height of the commit that wrote it. */
    static final class Versioned {
        final byte[] value;
        final long version;

        Versioned(final byte[] value, final long version) {
            this.value = Objects.requireNonNull(value);
            this.version = version;
        }
    }
}
