package io.ledgernode.node.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.mirror.AccountEntry;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.node.account.HistoryLine;
import io.ledgernode.node.mirror.Mirror;
import java.time.Duration;
import java.util.List;

/**
 * Follows one account's ledger entries for a {@code WatchTransactions} stream: everything from the requested block
 * on, oldest first, then each new entry as the mirror takes its block in, until the client goes away. Reads in
 * bounded pages and only as fast as the client takes them (gRPC flow control), so a slow client holds no queue.
 */
public final class AccountWatch {

    private final Mirror mirror;
    private final Duration pollInterval;
    private final int pageSize;

    public AccountWatch(Mirror mirror, Duration pollInterval, int pageSize) {
        this.mirror = mirror;
        this.pollInterval = pollInterval;
        this.pageSize = pageSize;
    }

    /** Streams until the client cancels; the caller has checked that it may see the account. */
    void follow(String accountId, long fromBlock, ServerCallStreamObserver<AccountTransaction> stream) {
        if (fromBlock < 0) {
            throw io.ledgernode.node.http.ApiException.badRequest("from_block must not be negative");
        }
        EntryPosition position = EntryPosition.FIRST;
        while (!stream.isCancelled()) {
            EntryPosition after = position;
            List<AccountEntry> entries = mirror.read(view -> view.entriesAfter(accountId, fromBlock, after, pageSize)).value();
            for (AccountEntry entry : entries) {
                awaitReady(stream);
                if (stream.isCancelled() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                stream.onNext(ProtoAnswers.accountTransaction(HistoryLine.of(entry)));
                position = entry.entry().position();
            }
            if (entries.size() < pageSize && !sleep(pollInterval)) {
                return;
            }
        }
    }

    /** Waits while the client's window is full (it has not taken what was sent). */
    private void awaitReady(ServerCallStreamObserver<AccountTransaction> stream) {
        while (!stream.isReady() && !stream.isCancelled()) {
            if (!sleep(Duration.ofMillis(10))) {
                return;
            }
        }
    }

    /** False when interrupted (the server is stopping): the stream then simply ends. */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
