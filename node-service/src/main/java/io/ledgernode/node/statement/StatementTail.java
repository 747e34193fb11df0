package io.ledgernode.node.statement;

import io.ledgernode.mirror.Balance;

/**
 * What a statement says after its entries.
 *
 * @param closing the balance and held amount after the period's last entry (the opening one when it has none)
 * @param entries the period's entries
 * @param credited the sum of the period's increases of the balance, minor units
 * @param debited the sum of the period's decreases of the balance, minor units (positive)
 * @param firstBlock the block of the period's first entry, null when it has none
 * @param lastBlock the block of the period's last entry, null when it has none
 */
record StatementTail(Balance closing, long entries, long credited, long debited, Long firstBlock, Long lastBlock) {
}
