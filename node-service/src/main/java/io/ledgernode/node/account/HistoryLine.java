package io.ledgernode.node.account;

import io.ledgernode.mirror.AccountEntry;
import io.ledgernode.mirror.Entry;
import io.ledgernode.node.mirror.PgText;

/**
 * One entry of an account's history as the API answers it (a page of {@code GET /v1/accounts/{id}/transactions}, a
 * gRPC {@code AccountTransaction}, one message of {@code WatchTransactions}): the amount as decimal text of integer
 * minor units, the time as the mirror prints it.
 */
public record HistoryLine(long blockNumber, int txIndex, int entryIndex, String txId, String kind, String amount, String asset,
        String holdId, String txTimestamp, String function) {

    public static HistoryLine of(AccountEntry line) {
        Entry entry = line.entry();
        return new HistoryLine(entry.blockNumber(), entry.txIndex(), entry.entryIndex(), entry.txId(), entry.kind().name(),
                Long.toString(entry.amount()), entry.asset(), entry.holdId(), PgText.timestamptz(entry.txTimestamp()),
                line.function());
    }
}
