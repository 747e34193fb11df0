package io.ledgernode.chaincode;

import java.util.logging.Handler;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;

/** The chaincode server's entry point: Fabric's contract router, with a log that carries no request data. */
public final class ChaincodeMain {

    private ChaincodeMain() {}

    public static void main(final String[] args) throws Exception {
        quietShim();
        ContractRouter.main(args);
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
