package io.ledgernode.chaincode;

import io.ledgernode.chaincode.peer.PeerAwareChaincode;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * The chaincode server's entry point: Fabric's contract router, served on connections that learn what each peer
 * offers ({@link PeerAwareChaincode}), with a log that carries no request data.
 */
public final class ChaincodeMain {

    private ChaincodeMain() {}

    public static void main(final String[] args) throws Exception {
        quietShim();
        final ContractRouter router = new ContractRouter(args);
        if (!router.isServer()) {
            // A chaincode that dials its peer (not as a service) keeps the shim's own start: nothing batches there.
            ContractRouter.main(args);
            return;
        }
        final PeerAwareChaincode chaincode = new PeerAwareChaincode(args, router);
        router.startRouterWithChaincodeServer(new NettyChaincodeServer(chaincode, chaincode.getChaincodeServerConfig()));
    }

    /**
     * Puts {@link ShimLogFilter} on the root logger's handlers (where every shim record ends up). The router's own
     * logging set-up replaces their formatters and levels, not their filters.
     */
    static void quietShim() {
        for (final Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFilter(new ShimLogFilter());
        }
    }
}
