/**
 * Who is calling and what they may do: the caller's MSP id, admin node OU and {@code ledger.role} attribute
 * ({@link io.ledgernode.chaincode.access.Caller}), and the role rules of the interface ({@link
 * io.ledgernode.chaincode.access.Access}): issuer, compliance, custodian, configuring admin. No MSP id is hard-coded.
 */
package io.ledgernode.chaincode.access;
