/**
 * The mirror: the chain's blocks, transactions and ledger effects in PostgreSQL, and the state they add up to. This
 * package owns its schema (the Flyway migrations on the classpath at {@code db/migration}, run by sync-bridge, the one
 * writer), the names of its tables ({@link io.ledgernode.mirror.MirrorTables}), its rows as records with exact types
 * (amounts and block numbers as {@code long}, times as {@link java.time.Instant}, never {@code double}) and the one
 * read API ({@link io.ledgernode.mirror.MirrorReader}, {@link io.ledgernode.mirror.MirrorView}) that node-service,
 * the reconciler and the reports read it with: read-only, one snapshot per read, every query bounded.
 */
package io.ledgernode.mirror;
