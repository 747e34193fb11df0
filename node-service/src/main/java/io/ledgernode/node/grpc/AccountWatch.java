package io.ledgernode.node.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.node.mirror.MirrorReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows one account's ledger entries for a {@code WatchTransactions} stream: everything from the requested block
 * on, oldest first, then each new entry as the mirror takes its block in, until the client goes away. Reads in
 * bounded pages and only as fast as the client takes them (gRPC flow control), so a slow client holds no queue.
 */
public final class AccountWatch {

    private final MirrorReader mirror;
    private final Duration pollInterval;
    private final int pageSize;

    public AccountWatch(MirrorReader mirror, Duration pollInterval, int pageSize) {
        this.mirror = mirror;
        this.pollInterval = pollInterval;
        this.pageSize = pageSize;
    }

    /** Streams until the client cancels; the caller has checked that it may see the account. */
    void follow(String accountId, long fromBlock, ServerCallStreamObserver<AccountTransaction> stream) {
        if (fromBlock < 0) {
            throw io.ledgernode.node.http.ApiException.badRequest("from_block must not be negative");
        }
        Optional<long[]> position = Optional.empty();
        while (!stream.isCancelled()) {
            List<Map<String, Object>> rows = mirror.entriesAfter(accountId, fromBlock, position, pageSize).rows();
            for (Map<String, Object> row : rows) {
                awaitReady(stream);
                if (stream.isCancelled() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                stream.onNext(ProtoJson.answer(row, AccountTransaction.newBuilder()).build());
                position = Optional.of(new long[] {((Number) row.get("blockNumber")).longValue(),
                        ((Number) row.get("txIndex")).longValue(), ((Number) row.get("entryIndex")).longValue()});
            }
            if (rows.size() < pageSize && !sleep(pollInterval)) {
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
