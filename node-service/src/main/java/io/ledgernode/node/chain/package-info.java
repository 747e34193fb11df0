/**
 * Writing to the chain: one submission through the Fabric Gateway as the node's org, resubmitted under the same
 * idempotency key when it loses an MVCC race, and answered as done only once its commit status is VALID.
 */
package io.ledgernode.node.chain;
