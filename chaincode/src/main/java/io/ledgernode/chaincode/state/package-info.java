/**
 * World-state access for the chaincode: the composite keys of every record type ({@link
 * io.ledgernode.chaincode.state.Keys}), and {@link io.ledgernode.chaincode.state.LedgerState}, which reads and writes
 * JSON records over the {@code ChaincodeStub}, lets a transaction read its own writes, scans partial keys in updates
 * (stopping early, iterators always closed) and pages them in queries.
 */
package io.ledgernode.chaincode.state;
