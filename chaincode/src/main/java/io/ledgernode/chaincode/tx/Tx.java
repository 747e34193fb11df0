package io.ledgernode.chaincode.tx;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Instants;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.PagedRequest;
import io.ledgernode.api.Require;
import io.ledgernode.api.governance.LedgerConfig;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.chaincode.access.Caller;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.state.RawPage;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * One transaction: its state view, caller, id and time (only ever the transaction timestamp), journal of balance
 * effects, and its one event.
 */
public final class Tx {
    private final ChaincodeStub stub;
    private final LedgerState state;
    private final Caller caller;
    private final String txId;
    private final Instant time;
    private final String timestamp;
    private final Journal journal;
    private LedgerConfig config;
    private LedgerEvent event;

    private Tx(final ChaincodeStub stub, final Caller caller) {
        this.stub = stub;
        this.state = new LedgerState(stub);
        this.caller = caller;
        this.txId = stub.getTxId();
        this.time = stub.getTxTimestamp();
        this.timestamp = Instants.format(time);
        this.journal = new Journal(state, txId, time, timestamp);
    }

    /** The transaction of a contract call. */
    public static Tx of(final Context ctx) {
        return new Tx(ctx.getStub(), Caller.of(ctx.getClientIdentity()));
    }

    public LedgerState state() {
        return state;
    }

    public Caller caller() {
        return caller;
    }

    public String txId() {
        return txId;
    }

    /** The transaction timestamp: the only time the ledger goes by. */
    public Instant time() {
        return time;
    }

    /** The transaction timestamp in the written form. */
    public String timestamp() {
        return timestamp;
    }

    /** The UTC day of the transaction, {@code 2026-11-22}: the day of daily limits. */
    public String utcDay() {
        return time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    public Journal journal() {
        return journal;
    }

    /**
     * One page of the records under a prefix for a paged read, from the request's bookmark: as many as asked for, at
     * most the configured {@code pageSizeMax}, which is also the default.
     */
    public <T> RawPage<T> page(final CompositeKey prefix, final PagedRequest request, final Class<T> type) {
        final int max = config().pageSizeMax();
        if (request.pageSize() != null && request.pageSize() > max) {
            throw Require.invalid("pageSize " + request.pageSize() + " is above the maximum " + max);
        }
        return state.page(prefix, request.pageSize() == null ? max : request.pageSize(), request.bookmark(), type);
    }

    /** The channel configuration; {@link ErrorCode#NOT_CONFIGURED} before {@code Governance:configure}. */
    public LedgerConfig config() {
        if (config == null) {
            config = state.read(Keys.config(), LedgerConfig.class).orElseThrow(() ->
                    new LedgerException(ErrorCode.NOT_CONFIGURED, "Governance:configure has not run on this channel"));
        }
        return config;
    }

    /** The state and journal at this moment, to return to with {@link #rollback}. */
    public Savepoint savepoint() {
        return new Savepoint(state.savepoint(), journal.size());
    }

    /** Undoes every write and balance effect made since {@code savepoint}: an item of a pack refused on its own. */
    public void rollback(final Savepoint savepoint) {
        state.rollback(savepoint.state);
        journal.truncate(savepoint.journalSize);
    }

    /** A moment of this transaction: its buffered writes and how many effects its journal held. */
    public static final class Savepoint {
        private final LedgerState.Savepoint state;
        private final int journalSize;

        private Savepoint(final LedgerState.Savepoint state, final int journalSize) {
            this.state = state;
            this.journalSize = journalSize;
        }

        /** The journal index the effects after this moment start at. */
        public int journalSize() {
            return journalSize;
        }
    }

    /** Emits this transaction's one event (Fabric keeps only one per transaction). */
    public void emit(final LedgerEvent newEvent) {
        if (event != null) {
            throw new IllegalStateException("a transaction emits one event; already emitted " + event.type());
        }
        if (!newEvent.txId().equals(txId) || !newEvent.entries().equals(journal.entries())) {
            throw new IllegalStateException("the event must carry this transaction's id and entries");
        }
        event = newEvent;
        stub.setEvent(newEvent.type().name(), LedgerJson.write(newEvent));
    }

    /** Whether the event was emitted. */
    public boolean emitted() {
        return event != null;
    }
}
