package io.ledgernode.chaincode.state;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ledgernode.chaincode.peer.PeerFeatures;
import io.ledgernode.chaincode.peer.ShimMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * How one transaction's reads and writes travel to its peer. Every one is a round trip on the chaincode's stream, and
 * a transfer's nine of them were most of what it cost Fabric beyond a no-op: where the peers offered batches
 * ({@link PeerFeatures}), reads of several keys go as one {@code GET_STATE_MULTIPLE} and the writes as one
 * {@code WRITE_BATCH_STATE} (split at the offered sizes); otherwise, or for a stub that is not the shim's, one message
 * per key through the stub. The peer applies a batch exactly as the same writes one at a time (it records each in the
 * read-write set in turn), so what a transaction does is the same either way.
 */
final class StateTransport {
    private final ChaincodeStub stub;
    /** Null when each read and write goes through the stub on its own. */
    private final Function<ChaincodeMessage, ByteString> sender;
    private final PeerFeatures features;

    StateTransport(final ChaincodeStub stub, final Function<ChaincodeMessage, ByteString> sender,
            final PeerFeatures features) {
        this.stub = stub;
        this.sender = features.batches() ? sender : null;
        this.features = features;
    }

    /** The transport for a transaction's stub, batching what the connected peers offered. */
    static StateTransport of(final ChaincodeStub stub) {
        final PeerFeatures features = PeerFeatures.offered();
        if (!features.batches()) {
            return new StateTransport(stub, null, PeerFeatures.NONE);
        }
        return new StateTransport(stub, ShimMessages.sender(stub).orElse(null), features);
    }

    /** The committed value at a key (empty or null when there is none). */
    byte[] get(final String key) {
        return stub.getState(key);
    }

    /** The committed values at the keys, in their order (empty or null where there is none). */
    List<byte[]> getAll(final List<String> keys) {
        final int max = sender == null ? 0 : features.readBatchMax();
        final List<byte[]> values = new ArrayList<>(keys.size());
        if (max == 0 || keys.size() == 1) {
            for (final String key : keys) {
                values.add(stub.getState(key));
            }
            return values;
        }
        for (int from = 0; from < keys.size(); from += max) {
            final List<String> chunk = keys.subList(from, Math.min(keys.size(), from + max));
            final ByteString payload = sender.apply(message(ChaincodeMessage.Type.GET_STATE_MULTIPLE,
                    GetStateMultiple.newBuilder().addAllKeys(chunk).build().toByteString()));
            final GetStateMultipleResult result;
            try {
                result = GetStateMultipleResult.parseFrom(payload);
            } catch (final InvalidProtocolBufferException e) {
                throw new IllegalStateException("the peer's answer to a read of " + chunk.size() + " keys is unreadable",
                        e);
            }
            if (result.getValuesCount() != chunk.size()) {
                throw new IllegalStateException("the peer answered " + result.getValuesCount() + " values for "
                        + chunk.size() + " keys");
            }
            for (final ByteString value : result.getValuesList()) {
                values.add(value.toByteArray());
            }
        }
        return values;
    }

    /** Hands the writes (a null value is a delete) to the peer in key order. */
    void write(final NavigableMap<String, byte[]> writes) {
        final int max = sender == null ? 0 : features.writeBatchMax();
        if (max == 0 || writes.size() == 1) {
            for (final Map.Entry<String, byte[]> write : writes.entrySet()) {
                if (write.getValue() == null) {
                    stub.delState(write.getKey());
                } else {
                    stub.putState(write.getKey(), write.getValue());
                }
            }
            return;
        }
        WriteBatchState.Builder batch = WriteBatchState.newBuilder();
        for (final Map.Entry<String, byte[]> write : writes.entrySet()) {
            batch.addRec(record(write.getKey(), write.getValue()));
            if (batch.getRecCount() == max) {
                sender.apply(message(ChaincodeMessage.Type.WRITE_BATCH_STATE, batch.build().toByteString()));
                batch = WriteBatchState.newBuilder();
            }
        }
        if (batch.getRecCount() > 0) {
            sender.apply(message(ChaincodeMessage.Type.WRITE_BATCH_STATE, batch.build().toByteString()));
        }
    }

    /**
     * One write as the stub's {@code putState} and {@code delState} would send it: the stub refuses an empty key, which
     * the peer's batch handler does not check, so this does.
     */
    private static WriteRecord record(final String key, final byte[] value) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        final WriteRecord.Builder record = WriteRecord.newBuilder().setKey(key);
        return value == null
                ? record.setType(WriteRecord.Type.DEL_STATE).build()
                : record.setType(WriteRecord.Type.PUT_STATE).setValue(ByteString.copyFrom(value)).build();
    }

    private ChaincodeMessage message(final ChaincodeMessage.Type type, final ByteString payload) {
        return ChaincodeMessage.newBuilder().setType(type).setChannelId(stub.getChannelId()).setTxid(stub.getTxId())
                .setPayload(payload).build();
    }
}
