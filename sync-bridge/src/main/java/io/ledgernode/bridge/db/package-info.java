/**
 * The mirror database: connection pools, running the mirror's migrations (the bridge is the mirror's only writer; the schema's scripts live in the
 * mirror module), the single-writer lock,
 * and the node's embedded PostgreSQL server.
 */
package io.ledgernode.bridge.db;
