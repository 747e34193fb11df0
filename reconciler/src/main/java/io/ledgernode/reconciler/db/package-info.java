/**
 * The reconciler's two connection pools (its own role, which owns schema {@code reconciler}; and the mirror's
 * read-only role) and the Flyway migrations of its schema, kept apart from the bridge's: history table
 * {@code reconciler.flyway_schema_history}, scripts under {@code db/reconciler}.
 */
package io.ledgernode.reconciler.db;
