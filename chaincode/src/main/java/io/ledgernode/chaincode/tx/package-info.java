/**
 * The frame every transaction runs in: {@link io.ledgernode.chaincode.tx.LedgerContract} (the base of all contracts:
 * the transaction-time check before every transaction, coded rejections, one event per change),
 * {@link io.ledgernode.chaincode.tx.Tx} (state, caller, time, journal and event of one transaction),
 * {@link io.ledgernode.chaincode.tx.Journal} (the balance effects and their history keys) and
 * {@link io.ledgernode.chaincode.tx.Idempotency} (MSP-scoped replay of money requests).
 */
package io.ledgernode.chaincode.tx;
