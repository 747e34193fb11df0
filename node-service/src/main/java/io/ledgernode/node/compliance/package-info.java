/** Freezing and unfreezing accounts: operators, submitted with the node's compliance identity. */
package io.ledgernode.node.compliance;
