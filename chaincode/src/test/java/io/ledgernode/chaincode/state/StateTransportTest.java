package io.ledgernode.chaincode.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ledgernode.api.Amount;
import io.ledgernode.chaincode.peer.PeerFeatures;
import io.ledgernode.chaincode.testing.FakeLedger;
import io.ledgernode.chaincode.testing.FakeStub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.junit.jupiter.api.Test;

/** A transaction's reads and writes reach a Fabric 3.1 peer in as few messages as it offers, and mean the same. */
class StateTransportTest {
    private final FakeLedger ledger = new FakeLedger();

    /** Answers like a peer: reads from the committed ledger, and records every message it was sent. */
    private final class Peer implements Function<ChaincodeMessage, ByteString> {
        final List<ChaincodeMessage> received = new ArrayList<>();
        int extraValues;

        @Override
        public ByteString apply(final ChaincodeMessage message) {
            received.add(message);
            if (message.getType() != ChaincodeMessage.Type.GET_STATE_MULTIPLE) {
                return ByteString.EMPTY;
            }
            final GetStateMultipleResult.Builder result = GetStateMultipleResult.newBuilder();
            for (final String key : parse(message).getKeysList()) {
                final byte[] value = ledger.value(key);
                result.addValues(value == null ? ByteString.EMPTY : ByteString.copyFrom(value));
            }
            for (int i = 0; i < extraValues; i++) {
                result.addValues(ByteString.EMPTY);
            }
            return result.build().toByteString();
        }
    }

    private FakeStub stub() {
        return ledger.simulate("tx-1", Instant.parse("2026-12-07T12:00:00Z"), new byte[0], List.of());
    }

    @Test
    void a_transactions_writes_reach_a_peer_that_takes_batches_in_one_message_in_key_order() throws Exception {
        final FakeStub stub = stub();
        final Peer peer = new Peer();
        final LedgerState state = new LedgerState(stub, new StateTransport(stub, peer, PeerFeatures.of(1000, 1000)));
        state.write("\u0000b\u0000", Amount.of(2));
        state.write("\u0000a\u0000", Amount.of(1));
        state.delete("\u0000c\u0000");

        state.flush();

        assertThat(stub.writes()).as("nothing went one key at a time").isEmpty();
        assertThat(peer.received).hasSize(1);
        final ChaincodeMessage message = peer.received.get(0);
        assertThat(message.getType()).isEqualTo(ChaincodeMessage.Type.WRITE_BATCH_STATE);
        assertThat(message.getTxid()).isEqualTo("tx-1");
        assertThat(message.getChannelId()).isEqualTo(stub.getChannelId());
        final List<WriteRecord> records = WriteBatchState.parseFrom(message.getPayload()).getRecList();
        assertThat(records).extracting(WriteRecord::getKey).containsExactly("\u0000a\u0000", "\u0000b\u0000",
                "\u0000c\u0000");
        assertThat(records).extracting(WriteRecord::getType).containsExactly(WriteRecord.Type.PUT_STATE,
                WriteRecord.Type.PUT_STATE, WriteRecord.Type.DEL_STATE);
        assertThat(records.get(0).getValue().toString(UTF_8)).isEqualTo("\"1\"");
    }

    @Test
    void more_writes_than_the_peer_takes_at_once_go_in_batches_of_its_size() throws Exception {
        final FakeStub stub = stub();
        final Peer peer = new Peer();
        final LedgerState state = new LedgerState(stub, new StateTransport(stub, peer, PeerFeatures.of(2, 2)));
        for (int i = 0; i < 5; i++) {
            state.write("\u0000k" + i + "\u0000", Amount.of(i));
        }

        state.flush();

        assertThat(peer.received).hasSize(3);
        final List<String> keys = new ArrayList<>();
        for (final ChaincodeMessage message : peer.received) {
            WriteBatchState.parseFrom(message.getPayload()).getRecList().forEach(r -> keys.add(r.getKey()));
        }
        assertThat(keys).containsExactly("\u0000k0\u0000", "\u0000k1\u0000", "\u0000k2\u0000", "\u0000k3\u0000",
                "\u0000k4\u0000");
    }

    @Test
    void keys_named_ahead_are_read_in_one_message_and_never_again_in_the_transaction() {
        ledger.rewrite("\u0000a\u0000", "\"7\"".getBytes(UTF_8));
        ledger.rewrite("\u0000b\u0000", "\"8\"".getBytes(UTF_8));
        final FakeStub stub = stub();
        final Peer peer = new Peer();
        final LedgerState state = new LedgerState(stub, new StateTransport(stub, peer, PeerFeatures.of(1000, 1000)));

        state.prefetch(List.of("\u0000a\u0000", "\u0000b\u0000", "\u0000missing\u0000", "\u0000a\u0000"));

        assertThat(peer.received).hasSize(1);
        assertThat(parse(peer.received.get(0)).getKeysList()).as("each key once")
                .containsExactly("\u0000a\u0000", "\u0000b\u0000", "\u0000missing\u0000");
        assertThat(state.read("\u0000a\u0000", Amount.class)).contains(Amount.of(7));
        assertThat(state.read("\u0000b\u0000", Amount.class)).contains(Amount.of(8));
        assertThat(state.exists("\u0000missing\u0000")).isFalse();
        assertThat(stub.pointReads()).as("no read went one key at a time").isEmpty();
        assertThat(peer.received).hasSize(1);
    }

    @Test
    void a_transaction_still_reads_its_own_writes_over_what_it_fetched() {
        ledger.rewrite("\u0000a\u0000", "\"7\"".getBytes(UTF_8));
        final FakeStub stub = stub();
        final LedgerState state = new LedgerState(stub, new StateTransport(stub, new Peer(), PeerFeatures.of(10, 10)));
        state.prefetch(List.of("\u0000a\u0000", "\u0000b\u0000"));

        state.write("\u0000a\u0000", Amount.of(1));
        state.delete("\u0000b\u0000");

        assertThat(state.read("\u0000a\u0000", Amount.class)).contains(Amount.of(1));
        assertThat(state.exists("\u0000b\u0000")).isFalse();
    }

    @Test
    void a_peer_that_offers_no_batches_gets_every_read_and_write_through_the_stub() {
        ledger.rewrite("\u0000a\u0000", "\"7\"".getBytes(UTF_8));
        final FakeStub stub = stub();
        final Peer peer = new Peer();
        final LedgerState state = new LedgerState(stub, new StateTransport(stub, peer, PeerFeatures.NONE));

        state.prefetch(List.of("\u0000a\u0000", "\u0000b\u0000"));
        state.write("\u0000c\u0000", Amount.of(3));
        state.write("\u0000d\u0000", Amount.of(4));
        state.flush();

        assertThat(peer.received).isEmpty();
        assertThat(stub.pointReads()).containsOnlyKeys("\u0000a\u0000", "\u0000b\u0000");
        assertThat(stub.writes()).containsOnlyKeys("\u0000c\u0000", "\u0000d\u0000");
        assertThat(state.read("\u0000a\u0000", Amount.class)).contains(Amount.of(7));
    }

    @Test
    void a_peer_answering_a_different_number_of_values_than_keys_fails_the_transaction() {
        final FakeStub stub = stub();
        final Peer peer = new Peer();
        peer.extraValues = 1;
        final LedgerState state = new LedgerState(stub, new StateTransport(stub, peer, PeerFeatures.of(10, 10)));

        assertThatThrownBy(() -> state.prefetch(List.of("\u0000a\u0000", "\u0000b\u0000")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 values for 2 keys");
    }

    private static GetStateMultiple parse(final ChaincodeMessage message) {
        try {
            return GetStateMultiple.parseFrom(message.getPayload());
        } catch (final InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
