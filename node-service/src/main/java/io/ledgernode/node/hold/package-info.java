/** Two-phase holds: a wallet or operator reserves funds, then captures (fully or in part) or voids them. */
package io.ledgernode.node.hold;
