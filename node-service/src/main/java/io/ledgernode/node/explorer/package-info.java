/** The chain as the mirror holds it: transactions, blocks and supply, each visible to the roles that may see it. */
package io.ledgernode.node.explorer;
