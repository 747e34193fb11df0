package io.ledgernode.chaincode.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.protos.peer.ChaincodeAdditionalParams;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A peer connecting to the chaincode server is served by the shim, and what its READY offers is learnt. */
class PeerAwareChaincodeTest {

    @AfterEach
    void forget() {
        PeerFeatures.forget();
    }

    private static final Chaincode CONTRACTS = new Chaincode() {
        @Override
        public Response init(final ChaincodeStub stub) {
            return new Response(Response.Status.SUCCESS, "", new byte[0]);
        }

        @Override
        public Response invoke(final ChaincodeStub stub) {
            return new Response(Response.Status.SUCCESS, "", new byte[0]);
        }
    };

    @Test
    void a_connecting_peer_is_registered_with_and_its_ready_message_turns_batches_on() throws Exception {
        final PeerAwareChaincode chaincode = new PeerAwareChaincode(new String[] {"--id", "ledger_test:abc"},
                CONTRACTS);
        final List<ChaincodeMessage> toPeer = new CopyOnWriteArrayList<>();

        final StreamObserver<ChaincodeMessage> fromPeer = chaincode.connectToPeer(new StreamObserver<>() {
            @Override
            public void onNext(final ChaincodeMessage message) {
                toPeer.add(message);
            }

            @Override
            public void onError(final Throwable t) {
                // The test ends the connection without a peer.
            }

            @Override
            public void onCompleted() {
                // Nothing to close.
            }
        });
        fromPeer.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
        fromPeer.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY)
                .setPayload(ChaincodeAdditionalParams.newBuilder().setUseWriteBatch(true).setMaxSizeWriteBatch(1000)
                        .setUseGetMultipleKeys(true).setMaxSizeGetMultipleKeys(1000).build().toByteString())
                .build());

        assertThat(toPeer).extracting(ChaincodeMessage::getType).startsWith(ChaincodeMessage.Type.REGISTER);
        assertThat(PeerFeatures.offered().writeBatchMax()).isEqualTo(1000);
        assertThat(PeerFeatures.offered().readBatchMax()).isEqualTo(1000);
    }
}
