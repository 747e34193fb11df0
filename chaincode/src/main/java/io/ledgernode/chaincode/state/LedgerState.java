package io.ledgernode.chaincode.state;

import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The world state as one transaction sees it. Fabric's {@code getState} returns the committed value even after the
 * transaction wrote the key, so this class keeps the transaction's own writes and answers from them first; scans merge
 * them in key order. Records are the deterministic JSON of {@link LedgerJson}.
 *
 * <p>Writes are buffered here and handed to the peer only by {@link #flush()} once the transaction's body has
 * succeeded: a write given to the stub cannot be taken back, and a packed transaction must drop the writes of an item
 * it refuses ({@link #savepoint()}, {@link #rollback}) while keeping the others'. They go as one message where the peer
 * takes batches, and the keys a transaction names in {@link #prefetch} are read in one ({@link StateTransport}).
 * Committed values read once are kept for the transaction: they cannot change under it.
 */
public final class LedgerState {
    /** The highest code point, as Fabric ends a partial-key range. */
    private static final String RANGE_END = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final ChaincodeStub stub;
    private final StateTransport transport;
    /** This transaction's writes in key order; a null value is a delete. */
    private final NavigableMap<String, byte[]> written = new TreeMap<>();
    /** Committed values this transaction read, by key; null where there is no record. */
    private final Map<String, byte[]> readCommitted = new HashMap<>();
    private boolean pageQueried;

    public LedgerState(final ChaincodeStub stub) {
        this(stub, StateTransport.of(stub));
    }

    LedgerState(final ChaincodeStub stub, final StateTransport transport) {
        this.stub = stub;
        this.transport = transport;
    }

    /** Visits records of a scan in key order; returns false to stop. It must not write state while scanning. */
    public interface Visitor {
        boolean visit(String key, byte[] value);
    }

    /** The record at a key, as this transaction sees it. */
    public <T> Optional<T> read(final String key, final Class<T> type) {
        final byte[] value = current(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(key, value, type));
    }

    /** Whether a record exists at a key. */
    public boolean exists(final String key) {
        final byte[] value = current(key);
        return value != null && value.length > 0;
    }

    /**
     * Reads the committed records at {@code keys} (those this transaction has not read or written yet) in one message
     * where the peer takes batches, for the reads that follow: a transaction names the keys it is about to read. Every
     * key named joins the transaction's read set, so name only keys it reads anyway.
     */
    public void prefetch(final Collection<String> keys) {
        final List<String> unread = new ArrayList<>(new LinkedHashSet<>(keys));
        unread.removeIf(key -> written.containsKey(key) || readCommitted.containsKey(key));
        if (unread.isEmpty()) {
            return;
        }
        final List<byte[]> values = transport.getAll(unread);
        for (int i = 0; i < unread.size(); i++) {
            readCommitted.put(unread.get(i), values.get(i));
        }
    }

    /** The value at a key as this transaction sees it: its own write, else the committed value (read once). */
    private byte[] current(final String key) {
        if (written.containsKey(key)) {
            return written.get(key);
        }
        if (readCommitted.containsKey(key)) {
            return readCommitted.get(key);
        }
        final byte[] value = transport.get(key);
        readCommitted.put(key, value);
        return value;
    }

    public void write(final String key, final Object record) {
        if (pageQueried) {
            throw new IllegalStateException("a transaction that paged a query must not write (Fabric forbids it)");
        }
        written.put(key, LedgerJson.write(record));
    }

    public void delete(final String key) {
        if (pageQueried) {
            throw new IllegalStateException("a transaction that paged a query must not write (Fabric forbids it)");
        }
        written.put(key, null);
    }

    /** The writes so far, to return to with {@link #rollback}. */
    public Savepoint savepoint() {
        return new Savepoint(this, new TreeMap<>(written));
    }

    /** Drops every write made since {@code savepoint} was taken (of this state). */
    public void rollback(final Savepoint savepoint) {
        if (savepoint.state != this) {
            throw new IllegalArgumentException("a savepoint of another transaction's state");
        }
        written.clear();
        written.putAll(savepoint.written);
    }

    /** Hands the buffered writes to the peer, in key order; the last thing a successful update does. */
    public void flush() {
        if (!written.isEmpty()) {
            transport.write(written);
        }
    }

    /** The buffered writes at one moment of a transaction. */
    public static final class Savepoint {
        private final LedgerState state;
        private final NavigableMap<String, byte[]> written;

        private Savepoint(final LedgerState state, final NavigableMap<String, byte[]> written) {
            this.state = state;
            this.written = written;
        }
    }

    /** Whether this transaction wrote or deleted anything. */
    public boolean changed() {
        return !written.isEmpty();
    }

    /**
     * Visits the records under a partial key in key order, committed ones merged with this transaction's writes, until
     * the visitor returns false. Reads only as far as it has to, and always closes the iterator. For updates: it uses
     * no pagination, which Fabric forbids in transactions that write.
     */
    public void scan(final CompositeKey prefix, final Visitor visitor) {
        final String start = prefix.toString();
        final Iterator<Map.Entry<String, byte[]>> own =
                new ArrayList<>(written.subMap(start, true, start + RANGE_END, false).entrySet()).iterator();
        try (QueryResultsIterator<KeyValue> committed = stub.getStateByPartialCompositeKey(prefix)) {
            merge(committed.iterator(), own, visitor);
        }
    }

    /** Merges the two sorted streams, fetching committed records only as the visitor asks for more. */
    private static void merge(final Iterator<KeyValue> committed, final Iterator<Map.Entry<String, byte[]>> own,
            final Visitor visitor) {
        KeyValue nextCommitted = null;
        boolean committedDone = false;
        Map.Entry<String, byte[]> nextOwn = own.hasNext() ? own.next() : null;
        while (true) {
            if (nextCommitted == null && !committedDone) {
                committedDone = !committed.hasNext();
                nextCommitted = committedDone ? null : committed.next();
            }
            if (nextCommitted == null && nextOwn == null) {
                return;
            }
            final String key;
            final byte[] value;
            if (nextOwn == null || nextCommitted != null && nextCommitted.getKey().compareTo(nextOwn.getKey()) < 0) {
                key = nextCommitted.getKey();
                value = nextCommitted.getValue();
                nextCommitted = null;
            } else {
                if (nextCommitted != null && nextCommitted.getKey().equals(nextOwn.getKey())) {
                    nextCommitted = null;
                }
                key = nextOwn.getKey();
                value = nextOwn.getValue();
                nextOwn = own.hasNext() ? own.next() : null;
            }
            if (value != null && value.length > 0 && !visitor.visit(key, value)) {
                return;
            }
        }
    }

    /**
     * One page of the records under a partial key, for queries only (evaluate): Fabric rejects paginated reads in a
     * transaction that writes. The bookmark is the opaque one a previous page returned, or empty.
     */
    public <T> RawPage<T> page(final CompositeKey prefix, final int pageSize, final String bookmark,
            final Class<T> type) {
        if (changed()) {
            throw new IllegalStateException("a transaction that writes must not page a query (Fabric forbids it)");
        }
        pageQueried = true;
        final String startKey = Bookmarks.decode(bookmark, prefix);
        final List<T> records = new ArrayList<>(pageSize);
        final QueryResponseMetadata metadata;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(prefix, pageSize, startKey)) {
            for (final KeyValue result : results) {
                if (records.size() == pageSize) {
                    throw new IllegalStateException("the peer returned more than the page size " + pageSize);
                }
                records.add(decode(result.getKey(), result.getValue(), type));
            }
            metadata = results.getMetadata();
        }
        final String next = records.size() < pageSize || metadata == null ? "" : metadata.getBookmark();
        return new RawPage<>(records, Bookmarks.encode(next));
    }

    /**
     * Visits at most {@code limit} committed records under a partial key in key order, starting at {@code startKey}
     * (a key within the prefix, not necessarily present), until the visitor returns false. For queries only: it is a
     * paginated read, which Fabric forbids in a transaction that writes. The iterator is always closed.
     *
     * @return the key to continue from, or empty when the prefix has no more records or the visitor stopped
     */
    public String pageFrom(final CompositeKey prefix, final String startKey, final int limit, final Visitor visitor) {
        if (changed()) {
            throw new IllegalStateException("a transaction that writes must not page a query (Fabric forbids it)");
        }
        if (!startKey.startsWith(prefix.toString())) {
            throw new IllegalArgumentException("start key " + printable(startKey) + " is outside the prefix "
                    + printable(prefix.toString()));
        }
        pageQueried = true;
        int visited = 0;
        final QueryResponseMetadata metadata;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(prefix, limit, startKey)) {
            for (final KeyValue result : results) {
                visited++;
                if (visited > limit) {
                    throw new IllegalStateException("the peer returned more than the page size " + limit);
                }
                if (!visitor.visit(result.getKey(), result.getValue())) {
                    return "";
                }
            }
            metadata = results.getMetadata();
        }
        return visited < limit || metadata == null ? "" : metadata.getBookmark();
    }

    /** Receives one chunk of records of a paginated range read, after its iterator is closed. */
    public interface ChunkVisitor {
        void visit(List<Map.Entry<String, byte[]>> records);
    }

    /**
     * Reads, in key order, the committed records of one type whose first attribute (an account id) lies between
     * {@code first} and {@code last} inclusive in key order, and hands them over in chunks of at most {@code chunk}
     * records: the records of a page of accounts, read as one range instead of one scan per account. Each chunk's
     * iterator is closed before the visitor sees it, so the visitor may read other keys. For queries only. It ends
     * because the range holds finitely many records; each chunk is bounded.
     */
    public void pageAdjacent(final String objectType, final String first, final String last, final int chunk,
            final ChunkVisitor visitor) {
        final CompositeKey prefix = new CompositeKey(objectType);
        final String end = new CompositeKey(objectType, last).toString() + RANGE_END;
        String start = new CompositeKey(objectType, first).toString();
        while (!start.isEmpty()) {
            final List<Map.Entry<String, byte[]>> records = new ArrayList<>();
            start = pageFrom(prefix, start, chunk, (key, value) -> {
                if (key.compareTo(end) >= 0) {
                    return false;
                }
                records.add(Map.entry(key, value));
                return true;
            });
            visitor.visit(records);
        }
    }

    /**
     * The records of a type kept one per id (a balance per account, a supply per asset) for ids that are adjacent in
     * key order (one page of a listing), in that order, from one range read. Every id has exactly one record, so the
     * records from the first id's on are exactly theirs; anything else is corrupt state and fails loudly. For queries
     * only (paginated reads).
     */
    public <T> List<T> readAdjacent(final String type, final List<String> ids, final Class<T> recordType) {
        final List<T> records = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return records;
        }
        pageFrom(Keys.prefix(type), Keys.prefix(type, ids.get(0)).toString(), ids.size(), (key, value) -> {
            final String id = ids.get(records.size());
            if (!key.equals(Keys.prefix(type, id).toString())) {
                throw new IllegalStateException(type + " records are out of step with the page at " + id);
            }
            records.add(decode(key, value, recordType));
            return true;
        });
        if (records.size() != ids.size()) {
            throw new IllegalStateException("found " + records.size() + " " + type + " records for " + ids.size()
                    + " ids");
        }
        return records;
    }

    /** A stored record that does not parse is corrupt state, not a bad request: fail loudly. */
    public static <T> T decode(final String key, final byte[] value, final Class<T> type) {
        try {
            return LedgerJson.read(value, type);
        } catch (final LedgerException e) {
            throw new IllegalStateException("corrupt " + type.getSimpleName() + " record at " + printable(key), e);
        }
    }

    private static String printable(final String key) {
        return key.replace('\u0000', '/');
    }
}
