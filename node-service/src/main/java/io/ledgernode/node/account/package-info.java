/** Accounts: opening them (operators, for the node's org), reading them and their history (by role). */
package io.ledgernode.node.account;
