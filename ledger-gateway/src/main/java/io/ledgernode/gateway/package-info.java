/**
 * The ledger's client side of Fabric: connect as one identity of one org (from a network profile), submit and
 * evaluate ledger transactions through the Fabric Gateway, and turn every outcome into a typed value: committed,
 * rejected by the chaincode with its stable error code, invalidated at commit (e.g. an MVCC read conflict), or
 * unknown (the commit status did not arrive: never a guess).
 */
package io.ledgernode.gateway;
