/**
 * The process kit: what the sync-bridge and the reconciler need around their own work, in one place. A process's
 * configuration is its {@code application.yaml} (every default), an operator's file and {@code --set key=value}
 * overrides, turned into the process's own record tree ({@link io.ledgernode.process.YamlConfig}); its command line
 * ({@link io.ledgernode.process.CommandLine}); one-line logs ({@link io.ledgernode.process.Logs}); its PostgreSQL
 * pools and Flyway migrations ({@link io.ledgernode.process.Databases}); the advisory lock that lets one process at a
 * time do a job ({@link io.ledgernode.process.AdvisoryLock}); and its loopback {@code /health/live} and
 * {@code /metrics} endpoint ({@link io.ledgernode.process.StatusServer}). What each process configures, and which
 * schema it owns, stays with that process.
 */
package io.ledgernode.process;
