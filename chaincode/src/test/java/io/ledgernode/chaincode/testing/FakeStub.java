package io.ledgernode.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} simulating one transaction the way a peer does: reads see committed state only (not the
 * transaction's own writes), every read and scanned range is recorded for validation, writes are buffered, paginated
 * queries and writes exclude each other, and events are captured (all of them, so a test can see a second one).
 */
public final class FakeStub implements ChaincodeStub {
    private static final String RANGE_END = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final FakeLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final List<byte[]> args;
    private final Map<String, Long> pointReads = new LinkedHashMap<>();
    private final List<RangeRead> rangeReads = new ArrayList<>();
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final List<Map.Entry<String, byte[]>> events = new ArrayList<>();
    private final List<AutoCloseable> openIterators = new ArrayList<>();
    private boolean paginated;

    FakeStub(final FakeLedger ledger, final String txId, final Instant timestamp, final byte[] creator,
            final List<byte[]> args) {
        this.ledger = ledger;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.clone();
        this.args = List.copyOf(args);
    }

    /** A range scanned: the keys and versions actually returned, and whether the scan ran to the end. */
    public static final class RangeRead {
        private final String start;
        private final String end;
        private final List<Map.Entry<String, Long>> returned = new ArrayList<>();
        private boolean exhausted;

        RangeRead(final String start, final String end) {
            this.start = start;
            this.end = end;
        }

        /** Whether the committed state still yields the same keys and versions over the part that was read. */
        boolean stillReadsTheSame(final FakeLedger ledger) {
            return ledger.range(start, readEnd()).equals(returned);
        }

        /** Whether a key lies in the part of the range that was read. */
        public boolean covers(final String key) {
            return key.compareTo(start) >= 0 && key.compareTo(readEnd()) < 0;
        }

        private String readEnd() {
            if (exhausted || returned.isEmpty()) {
                return exhausted ? end : start;
            }
            return returned.get(returned.size() - 1).getKey() + "\u0000";
        }
    }

    // ---- what a test inspects ----

    /** Keys read with their versions (-1: absent). */
    public Map<String, Long> pointReads() {
        return Collections.unmodifiableMap(pointReads);
    }

    public List<RangeRead> rangeReads() {
        return Collections.unmodifiableList(rangeReads);
    }

    /** Buffered writes in order; a null value is a delete. */
    public Map<String, byte[]> writes() {
        return Collections.unmodifiableMap(writes);
    }

    /** Every setEvent call, in order. */
    public List<Map.Entry<String, byte[]>> events() {
        return Collections.unmodifiableList(events);
    }

    /** Whether this transaction read (a key, or within a scanned range) any of these keys: an MVCC conflict. */
    public boolean readsAnyOf(final Collection<String> keys) {
        for (final String key : keys) {
            if (pointReads.containsKey(key) || rangeReads.stream().anyMatch(range -> range.covers(key))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every iterator this transaction opened was closed. */
    public boolean allIteratorsClosed() {
        return openIterators.isEmpty();
    }

    // ---- the stub ----

    @Override
    public List<byte[]> getArgs() {
        return args.stream().map(byte[]::clone).collect(Collectors.toList());
    }

    @Override
    public List<String> getStringArgs() {
        return args.stream().map(arg -> new String(arg, UTF_8)).collect(Collectors.toList());
    }

    @Override
    public String getFunction() {
        return getStringArgs().isEmpty() ? null : getStringArgs().get(0);
    }

    @Override
    public List<String> getParameters() {
        final List<String> all = getStringArgs();
        return all.isEmpty() ? List.of() : all.subList(1, all.size());
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return "mychannel";
    }

    @Override
    public byte[] getState(final String key) {
        pointReads.putIfAbsent(key, ledger.version(key));
        return ledger.value(key);
    }

    @Override
    public void putState(final String key, final byte[] value) {
        checkWritable(key);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        writes.put(key, value.clone());
    }

    @Override
    public void delState(final String key) {
        checkWritable(key);
        writes.put(key, null);
    }

    private void checkWritable(final String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (paginated) {
            throw new IllegalStateException("txmgr: a transaction that ran a paginated query cannot write");
        }
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        return scan(startKey, endKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        return getStateByPartialCompositeKey(CompositeKey.parseCompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType,
            final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        return scan(compositeKey.toString(), compositeKey + RANGE_END);
    }

    private QueryResultsIterator<KeyValue> scan(final String start, final String end) {
        final RangeRead range = new RangeRead(start, end);
        rangeReads.add(range);
        final Iterator<Map.Entry<String, FakeLedger.Versioned>> source =
                ledger.entries(start, end).entrySet().iterator();
        final Iterator<KeyValue> recording = new Iterator<KeyValue>() {
            @Override
            public boolean hasNext() {
                final boolean more = source.hasNext();
                if (!more) {
                    range.exhausted = true;
                }
                return more;
            }

            @Override
            public KeyValue next() {
                if (!source.hasNext()) {
                    throw new NoSuchElementException();
                }
                final Map.Entry<String, FakeLedger.Versioned> entry = source.next();
                range.returned.add(Map.entry(entry.getKey(), entry.getValue().version));
                return new Kv(entry.getKey(), entry.getValue().value);
            }
        };
        final QueryResultsIterator<KeyValue> iterator = new QueryResultsIterator<KeyValue>() {
            @Override
            public Iterator<KeyValue> iterator() {
                return recording;
            }

            @Override
            public void close() {
                openIterators.remove(this);
            }
        };
        openIterators.add(iterator);
        return iterator;
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        final String start = compositeKey.toString();
        return page(bookmark == null || bookmark.isEmpty() ? start : bookmark, start + RANGE_END, pageSize);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(final String startKey,
            final String endKey, final int pageSize, final String bookmark) {
        return page(bookmark == null || bookmark.isEmpty() ? startKey : bookmark, endKey, pageSize);
    }

    /** Fabric's pagination: at most pageSize records; the bookmark is the next key, empty when there is none. */
    private QueryResultsIteratorWithMetadata<KeyValue> page(final String start, final String end,
            final int pageSize) {
        if (!writes.isEmpty()) {
            throw new IllegalStateException("txmgr: paginated queries are not supported in a transaction that writes");
        }
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive");
        }
        paginated = true;
        final List<KeyValue> records = new ArrayList<>();
        String next = "";
        for (final Map.Entry<String, FakeLedger.Versioned> entry : ledger.entries(start, end).entrySet()) {
            if (records.size() == pageSize) {
                next = entry.getKey();
                break;
            }
            records.add(new Kv(entry.getKey(), entry.getValue().value));
        }
        final QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(records.size()).setBookmark(next).build();
        final QueryResultsIteratorWithMetadata<KeyValue> iterator = new QueryResultsIteratorWithMetadata<KeyValue>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return metadata;
            }

            @Override
            public Iterator<KeyValue> iterator() {
                return records.iterator();
            }

            @Override
            public void close() {
                openIterators.remove(this);
            }
        };
        openIterators.add(iterator);
        return iterator;
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name must not be empty");
        }
        events.add(Map.entry(name, payload.clone()));
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public String getMspId() {
        return "PeerOrgMSP";
    }

    // ---- not used by the ledger chaincode ----

    @Override
    public Response invokeChaincode(final String chaincodeName, final List<byte[]> arguments, final String channel) {
        throw unsupported();
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        throw unsupported();
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw unsupported();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(final String query,
            final int pageSize, final String bookmark) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        throw unsupported();
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw unsupported();
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw unsupported();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw unsupported();
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw unsupported();
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw unsupported();
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw unsupported();
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(final String collection, final String startKey,
            final String endKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String compositeKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final CompositeKey compositeKey) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String objectType, final String... attributes) {
        throw unsupported();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw unsupported();
    }

    @Override
    public ChaincodeEvent getEvent() {
        throw unsupported();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported();
    }

    @Override
    public byte[] getBinding() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not used by the ledger chaincode");
    }

    /** A key and value returned by a scan. */
    private static final class Kv implements KeyValue {
        private final String key;
        private final byte[] value;

        Kv(final String key, final byte[] value) {
            this.key = key;
            this.value = value.clone();
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }
    }
}
