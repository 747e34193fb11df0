/** Transfers: a wallet moves money out of its own accounts; an operator out of any account of the node's org. */
package io.ledgernode.node.transfer;
