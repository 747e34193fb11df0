/**
 * The mirror database: connection pools, schema migrations (the bridge owns the schema), the single-writer lock,
 * and the node's embedded PostgreSQL server.
 */
package io.ledgernode.bridge.db;
