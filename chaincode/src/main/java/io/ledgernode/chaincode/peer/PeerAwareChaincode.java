package io.ledgernode.chaincode.peer;

import io.grpc.stub.StreamObserver;
import java.io.IOException;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The chaincode as the chaincode server serves it: the contract router's transactions, on connections whose
 * {@code READY} message is read for {@link PeerFeatures} on its way to the shim. The shim (2.5) ignores that message's
 * payload, and its router cannot be extended, so this wraps it.
 */
public final class PeerAwareChaincode extends ChaincodeBase {
    private final Chaincode contracts;

    /**
     * Reads the chaincode id, server address, TLS settings and the shim's own configuration (message size, thread pool)
     * from the environment, the arguments and {@code config.props}, as the router does for itself.
     */
    public PeerAwareChaincode(final String[] args, final Chaincode contracts) {
        processEnvironmentOptions();
        processCommandLineOptions(args);
        validateOptions();
        // Loads the configuration the shim reads when a peer connects; it fails the connection without it.
        getChaincodeConfig();
        this.contracts = contracts;
    }

    @Override
    public Response init(final ChaincodeStub stub) {
        return contracts.init(stub);
    }

    @Override
    public Response invoke(final ChaincodeStub stub) {
        return contracts.invoke(stub);
    }

    @Override
    protected StreamObserver<ChaincodeMessage> connectToPeer(final StreamObserver<ChaincodeMessage> toPeer)
            throws IOException {
        return readingReady(super.connectToPeer(toPeer));
    }

    /** The shim's receiver of a connection's messages, learning the features of its {@code READY} first. */
    static StreamObserver<ChaincodeMessage> readingReady(final StreamObserver<ChaincodeMessage> fromPeer) {
        return new StreamObserver<ChaincodeMessage>() {
            @Override
            public void onNext(final ChaincodeMessage message) {
                if (message.getType() == ChaincodeMessage.Type.READY) {
                    PeerFeatures.learn(message.getPayload());
                }
                fromPeer.onNext(message);
            }

            @Override
            public void onError(final Throwable t) {
                fromPeer.onError(t);
            }

            @Override
            public void onCompleted() {
                fromPeer.onCompleted();
            }
        };
    }
}
