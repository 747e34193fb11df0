package io.ledgernode.chaincode.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.StreamObserver;
import org.hyperledger.fabric.protos.peer.ChaincodeAdditionalParams;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.contract.ContractRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A peer connecting to the chaincode server is served by the shim, and what its READY offers is learnt. */
class PeerAwareChaincodeTest {

    @AfterEach
    void forget() {
        PeerFeatures.forget();
    }

    @Test
    void a_connecting_peer_is_registered_with_and_its_ready_message_turns_batches_on() throws Exception {
        // As the server starts: the contract router first (it also sets up the shim's metrics), then this around it.
        final String[] args = {"--id", "ledger_test:abc"};
        final PeerAwareChaincode chaincode = new PeerAwareChaincode(args, new ContractRouter(args));
        // The test ends the connection without a peer: an error on it is not the test's concern.
        final Recording toPeer = new Recording();

        final StreamObserver<ChaincodeMessage> fromPeer = chaincode.connectToPeer(toPeer);
        fromPeer.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
        fromPeer.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY)
                .setPayload(ChaincodeAdditionalParams.newBuilder().setUseWriteBatch(true).setMaxSizeWriteBatch(1000)
                        .setUseGetMultipleKeys(true).setMaxSizeGetMultipleKeys(1000).build().toByteString())
                .build());

        assertThat(toPeer.messages).extracting(ChaincodeMessage::getType).startsWith(ChaincodeMessage.Type.REGISTER);
        assertThat(PeerFeatures.offered().writeBatchMax()).isEqualTo(1000);
        assertThat(PeerFeatures.offered().readBatchMax()).isEqualTo(1000);
    }
}
