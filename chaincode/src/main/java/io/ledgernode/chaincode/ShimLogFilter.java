package io.ledgernode.chaincode;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps request data out of the chaincode server's log. Fabric's shim logs every request's function and arguments at
 * INFO ({@code ContractRouter}: "Got the invoke request for: Accounts:open [{...,"ownerRef":...}]"), every rejection
 * with its text ({@code ResponseUtils}) and whole messages at FINE. Of the shim's records this lets through only
 * INFO and above, {@code ContractRouter}'s only from WARNING, and {@code ResponseUtils}' never: the chaincode's own
 * line ({@link io.ledgernode.chaincode.tx.TxLog}) tells each outcome without the data.
 */
final class ShimLogFilter implements Filter {
    static final String CONTRACT_ROUTER = "org.hyperledger.fabric.contract.ContractRouter";
    static final String RESPONSE_UTILS = "org.hyperledger.fabric.shim.ResponseUtils";

    @Override
    public boolean isLoggable(final LogRecord record) {
        final String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith("org.hyperledger.")) {
            return true;
        }
        final int level = record.getLevel().intValue();
        if (logger.equals(RESPONSE_UTILS)) {
            return false;
        }
        if (logger.equals(CONTRACT_ROUTER)) {
            return level >= Level.WARNING.intValue();
        }
        return level >= Level.INFO.intValue();
    }
}
