package io.ledgernode.node.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.mirror.AccountEntry;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.node.account.HistoryLine;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.mirror.Mirror;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows one account's ledger entries for a {@code WatchTransactions} stream: everything from the requested block
 * on, oldest first, then each new entry as the mirror takes its block in, until the client goes away. Reads in
 * bounded pages and only as fast as the client takes them (gRPC flow control), so a slow client holds no queue.
 *
 * <p>Each stream polls the mirror, so streams are counted: at most {@code streamsMax} on the node and
 * {@code streamsPerCallerMax} for one caller (token issuer and subject); one more is refused RESOURCE_EXHAUSTED
 * ({@code RATE_LIMITED}). Uncounted, one wallet within its request rate opened 1,800 streams on its own account, which
 * took most of a core polling and multiplied every other caller's read latency.
 */
public final class AccountWatch {

    /**
     * {@code node.watch-poll-interval}, {@code node.watch-streams-max}, {@code node.watch-streams-per-caller-max}.
     */
    public record Settings(Duration pollInterval, int streamsMax, int streamsPerCallerMax) {
        public Settings {
            if (streamsMax < 1 || streamsPerCallerMax < 1) {
                throw new IllegalArgumentException("node.watch-streams-max and node.watch-streams-per-caller-max must be positive");
            }
        }
    }

    private final Mirror mirror;
    private final Settings settings;
    private final int pageSize;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perCaller = new ConcurrentHashMap<>();

    public AccountWatch(Mirror mirror, Settings settings, int pageSize) {
        this.mirror = mirror;
        this.settings = settings;
        this.pageSize = pageSize;
    }

    /** Streams until the client cancels, within the stream limits; the caller has checked that it may see the account. */
    void follow(Caller caller, String accountId, long fromBlock, ServerCallStreamObserver<AccountTransaction> stream) {
        if (fromBlock < 0) {
            throw ApiException.badRequest("from_block must not be negative");
        }
        String who = caller.issuer() + " " + caller.subject();
        if (open.incrementAndGet() > settings.streamsMax()) {
            open.decrementAndGet();
            throw new ApiException(ApiErrorCode.Service.RATE_LIMITED, "the node follows " + settings.streamsMax()
                    + " WatchTransactions streams already (node.watch-streams-max); retry later").retryAfter(Duration.ofSeconds(5));
        }
        try {
            if (perCaller.merge(who, 1, Integer::sum) > settings.streamsPerCallerMax()) {
                throw new ApiException(ApiErrorCode.Service.RATE_LIMITED, "this caller has " + settings.streamsPerCallerMax()
                        + " WatchTransactions streams open (node.watch-streams-per-caller-max); close one first")
                        .retryAfter(Duration.ofSeconds(5));
            }
            stream(accountId, fromBlock, stream);
        } finally {
            perCaller.computeIfPresent(who, (key, count) -> count == 1 ? null : count - 1);
            open.decrementAndGet();
        }
    }

    private void stream(String accountId, long fromBlock, ServerCallStreamObserver<AccountTransaction> stream) {
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
            if (entries.size() < pageSize && !sleep(settings.pollInterval())) {
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
