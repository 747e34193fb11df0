/**
 * The ledger chaincode's public interface, shared by the chaincode and every client: transaction names
 * ({@link io.ledgernode.api.Transactions}), the closed set of error codes ({@link io.ledgernode.api.ErrorCode}), the one
 * strict JSON mapper ({@link io.ledgernode.api.LedgerJson}), exact money ({@link io.ledgernode.api.Amount}) and the
 * validation rules for identifiers and instants. Request, result and event formats live in the feature sub-packages.
 *
 * <p>Java 11 and Jackson only, so the chaincode (on Fabric's Java 11 runtime) can depend on it.
 */
package io.ledgernode.api;
