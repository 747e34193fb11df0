package io.ledgernode.chaincode.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.hyperledger.fabric.protos.peer.ChaincodeAdditionalParams;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chaincode batches only what every peer connected to it said, in its READY message, that it takes. */
class PeerFeaturesTest {

    @AfterEach
    void forget() {
        PeerFeatures.forget();
    }

    private static ChaincodeMessage ready(final boolean writes, final int writeMax, final boolean reads,
            final int readMax) {
        return ready(ChaincodeAdditionalParams.newBuilder().setUseWriteBatch(writes).setMaxSizeWriteBatch(writeMax)
                .setUseGetMultipleKeys(reads).setMaxSizeGetMultipleKeys(readMax).build().toByteString());
    }

    private static ChaincodeMessage ready(final ByteString payload) {
        return ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY).setPayload(payload).build();
    }

    /** Passes every message of a connection through the chaincode's reader to a recording shim. */
    private static List<ChaincodeMessage> receive(final ChaincodeMessage... messages) {
        final Recording shim = new Recording();
        final StreamObserver<ChaincodeMessage> connection = PeerAwareChaincode.readingReady(shim);
        for (final ChaincodeMessage message : messages) {
            connection.onNext(message);
        }
        assertThat(shim.error).isNull();
        return shim.messages;
    }

    @Test
    void nothing_batches_before_a_peer_said_it_may() {
        assertThat(PeerFeatures.offered().batches()).isFalse();
    }

    @Test
    void a_fabric_3_1_peers_ready_message_turns_batches_on_at_its_sizes_and_still_reaches_the_shim() {
        final ChaincodeMessage ready = ready(true, 1000, true, 500);
        final ChaincodeMessage registered = ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED)
                .build();

        assertThat(receive(registered, ready)).containsExactly(registered, ready);

        assertThat(PeerFeatures.offered().writeBatchMax()).isEqualTo(1000);
        assertThat(PeerFeatures.offered().readBatchMax()).isEqualTo(500);
    }

    @Test
    void a_peer_before_3_1_sends_an_empty_ready_and_gets_one_message_per_key() {
        receive(ready(ByteString.EMPTY));

        assertThat(PeerFeatures.offered().batches()).isFalse();
    }

    @Test
    void once_any_connection_lacks_a_feature_no_transaction_uses_it() {
        receive(ready(true, 1000, true, 1000));
        receive(ready(true, 200, false, 0));
        receive(ready(true, 1000, true, 1000));

        assertThat(PeerFeatures.offered().writeBatchMax()).isEqualTo(200);
        assertThat(PeerFeatures.offered().readBatchMax()).isZero();
    }

    @Test
    void a_peer_that_offers_batches_too_small_or_unsized_gets_the_reference_shims_least_size() {
        receive(ready(true, 0, true, 3));

        assertThat(PeerFeatures.offered().writeBatchMax()).isEqualTo(PeerFeatures.MINIMUM_BATCH);
        assertThat(PeerFeatures.offered().readBatchMax()).isEqualTo(PeerFeatures.MINIMUM_BATCH);
    }

    @Test
    void an_unreadable_ready_payload_offers_nothing() {
        receive(ready(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF})));

        assertThat(PeerFeatures.offered().batches()).isFalse();
    }
}
