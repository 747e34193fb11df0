package io.ledgernode.chaincode.peer;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;

/** One side of a chaincode connection in a test: keeps every message it is handed, and an error if one ends it. */
final class Recording implements StreamObserver<ChaincodeMessage> {
    final List<ChaincodeMessage> messages = new CopyOnWriteArrayList<>();
    volatile Throwable error;

    @Override
    public void onNext(final ChaincodeMessage message) {
        messages.add(message);
    }

    @Override
    public void onError(final Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
        // Nothing to close.
    }
}
