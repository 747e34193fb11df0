package io.ledgernode.node.statement;

import io.ledgernode.mirror.Balance;
import io.ledgernode.mirror.Entry;

/** One entry of a statement, with the account's balance and held amount after it. */
record StatementLine(Entry entry, Balance after) {
}
