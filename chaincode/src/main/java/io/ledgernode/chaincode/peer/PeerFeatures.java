package io.ledgernode.chaincode.peer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeAdditionalParams;

/**
 * What a peer said it accepts when its connection became ready (Fabric 3.1's {@code ChaincodeAdditionalParams} in the
 * {@code READY} message): a transaction's writes in one {@code WRITE_BATCH_STATE} message and its reads of several
 * keys in one {@code GET_STATE_MULTIPLE}, each up to a number of keys. A peer before 3.1 sends nothing, which is
 * {@link #NONE}: one message per key, as before.
 *
 * <p>A transaction's stub does not say which connection it came on, so the process uses what <em>every</em> connection
 * it has seen offered (the smaller of each): a peer that cannot take a batch is never sent one.
 */
public final class PeerFeatures {
    /** One message per read and per write: what a peer that advertised nothing gets. */
    public static final PeerFeatures NONE = new PeerFeatures(0, 0);

    /**
     * The least a peer that offers batches takes in one, as the reference (Go) shim assumes: a peer that offers
     * batching but names no size, or a smaller one, is sent batches of this many.
     */
    static final int MINIMUM_BATCH = 100;

    private static final Logger LOG = Logger.getLogger(PeerFeatures.class.getName());
    /** Null until the first connection is ready: nothing batches before a peer said it may. */
    private static final AtomicReference<PeerFeatures> OFFERED = new AtomicReference<>();

    private final int writeBatchMax;
    private final int readBatchMax;

    private PeerFeatures(final int writeBatchMax, final int readBatchMax) {
        this.writeBatchMax = writeBatchMax;
        this.readBatchMax = readBatchMax;
    }

    /** Writes in batches of up to {@code writeBatchMax} and reads of up to {@code readBatchMax} keys; 0 is none. */
    public static PeerFeatures of(final int writeBatchMax, final int readBatchMax) {
        if (writeBatchMax < 0 || readBatchMax < 0) {
            throw new IllegalArgumentException("batch sizes are 0 (none) or more");
        }
        return new PeerFeatures(writeBatchMax, readBatchMax);
    }

    /** What the connected peers all offered; {@link #NONE} before any connection is ready. */
    public static PeerFeatures offered() {
        final PeerFeatures features = OFFERED.get();
        return features == null ? NONE : features;
    }

    /** Records what one connection's {@code READY} payload offers. */
    static void learn(final ByteString readyPayload) {
        final PeerFeatures features = parse(readyPayload);
        final PeerFeatures now = OFFERED.accumulateAndGet(features, (seen, next) -> seen == null ? next : seen.common(next));
        LOG.info(() -> "a peer connection is ready; it offers " + features + "; in use: " + now);
    }

    /** For tests: back to the state before any connection. */
    static void forget() {
        OFFERED.set(null);
    }

    /** The features in a {@code READY} payload; an empty or unreadable one offers nothing. */
    static PeerFeatures parse(final ByteString readyPayload) {
        if (readyPayload.isEmpty()) {
            return NONE;
        }
        final ChaincodeAdditionalParams params;
        try {
            params = ChaincodeAdditionalParams.parseFrom(readyPayload);
        } catch (final InvalidProtocolBufferException e) {
            LOG.warning("a peer's READY payload is unreadable; state reads and writes go one key at a time");
            return NONE;
        }
        return new PeerFeatures(size(params.getUseWriteBatch(), params.getMaxSizeWriteBatch()),
                size(params.getUseGetMultipleKeys(), params.getMaxSizeGetMultipleKeys()));
    }

    private static int size(final boolean offered, final int max) {
        if (!offered) {
            return 0;
        }
        // An unsigned 32-bit size above Integer.MAX_VALUE reads negative: far more than a transaction writes.
        return max < 0 ? Integer.MAX_VALUE : Math.max(max, MINIMUM_BATCH);
    }

    /** What both offer. */
    PeerFeatures common(final PeerFeatures other) {
        return new PeerFeatures(Math.min(writeBatchMax, other.writeBatchMax), Math.min(readBatchMax, other.readBatchMax));
    }

    /** The most writes in one message; 0 when each write is a message of its own. */
    public int writeBatchMax() {
        return writeBatchMax;
    }

    /** The most keys read in one message; 0 when each read is a message of its own. */
    public int readBatchMax() {
        return readBatchMax;
    }

    /** Whether anything goes in batches. */
    public boolean batches() {
        return writeBatchMax > 0 || readBatchMax > 0;
    }

    @Override
    public String toString() {
        return "writes " + (writeBatchMax == 0 ? "one at a time" : "in batches of up to " + writeBatchMax)
                + ", reads " + (readBatchMax == 0 ? "one at a time" : "in batches of up to " + readBatchMax);
    }
}
