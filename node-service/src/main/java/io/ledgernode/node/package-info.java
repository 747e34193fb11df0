/**
 * node-service: the API wallet apps, auditors and regulators call. Writes go to the chain through the Fabric
 * Gateway as the node's org; reads come from the Postgres mirror only; a caller sees what its JWT's roles allow.
 */
package io.ledgernode.node;
