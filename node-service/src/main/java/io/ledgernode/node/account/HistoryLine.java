package io.ledgernode.node.account;

import io.ledgernode.mirror.AccountEntry;
import io.ledgernode.mirror.Entry;
import io.ledgernode.api.Instants;

/**
 * One entry of an account's history as the API answers it (a page of {@code GET /v1/accounts/{id}/transactions}, a
 * gRPC {@code AccountTransaction}, one message of {@code WatchTransactions}): the amount as decimal text of integer
 * minor units, the time as ISO-8601 UTC with milliseconds. The entry's leg has the account in it, so whoever may read
 * the account sees the other side of the leg and its reference.
 *
 * @param counterparty the account on the other side of its leg, or null where there is none (minting, holds)
 * @param reference the reference its leg carried, or null
 */
public record HistoryLine(long blockNumber, int txIndex, int entryIndex, String txId, String kind, String amount, String asset,
        String holdId, String txTimestamp, String function, String counterparty, String reference) {

    public static HistoryLine of(AccountEntry line) {
        Entry entry = line.entry();
        return new HistoryLine(entry.blockNumber(), entry.txIndex(), entry.entryIndex(), entry.txId(), entry.kind().name(),
                Long.toString(entry.amount()), entry.asset(), entry.holdId(), Instants.format(entry.txTimestamp()),
                line.function(), entry.counterparty(), entry.reference());
    }
}
