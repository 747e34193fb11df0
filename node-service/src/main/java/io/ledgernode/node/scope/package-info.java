/**
 * What of a transaction each caller may see: its legs (a transfer's debit with its credit, a capture with its credit,
 * any other entry on its own), which of them are in the caller's scope, and what may be shown of the others. The REST
 * and gRPC reads, proofs and their tests all take the rule from here.
 */
package io.ledgernode.node.scope;
