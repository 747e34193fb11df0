/** The reconciler's runs and breaks, read from its tables (read-only) for operators, auditors and regulators. */
package io.ledgernode.node.reconciliation;
