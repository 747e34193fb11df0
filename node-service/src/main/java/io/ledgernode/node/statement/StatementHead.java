package io.ledgernode.node.statement;

import io.ledgernode.mirror.Balance;
import java.time.Instant;

/**
 * What a statement says before its entries.
 *
 * @param from the period's start, included
 * @param to the period's end, excluded
 * @param opening the balance and held amount the account's entries before {@code from} add up to
 * @param mirrorHeight the blocks the mirror held when the statement was read: it reflects blocks 0 to height - 1
 */
record StatementHead(String accountId, String asset, int decimals, String jurisdiction, Instant from, Instant to, Balance opening,
                     long mirrorHeight, Instant generatedAt) {
}
