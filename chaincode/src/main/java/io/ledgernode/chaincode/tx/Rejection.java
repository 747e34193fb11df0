package io.ledgernode.chaincode.tx;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A business rejection as the contract API returns it: message {@code CODE: text}, payload
 * {@code {"code":..,"message":..}}. It carries no stack trace: a rejection is data, not a fault, and the shim logs
 * every failed transaction, so a trace per bad request would only bury real errors.
 */
final class Rejection extends ChaincodeException {
    Rejection(final String message, final byte[] payload) {
        super(message, payload);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
