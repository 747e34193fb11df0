/**
 * The reconciler: compares the chain (the source of truth) with the PostgreSQL mirror the sync-bridge keeps, and
 * records every difference as a typed break. {@link io.ledgernode.reconciler.Reconciler} is the process: {@code run}
 * reconciles once and exits with a status saying what it found; {@code schedule} runs the nightly schedule in a
 * Quartz cluster and serves metrics.
 */
package io.ledgernode.reconciler;
