package io.ledgernode.node.chain;

import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.PackedOutcome;
import io.ledgernode.api.money.TransferPackRequest;
import io.ledgernode.api.money.TransferPackResult;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of the debits of one sending account (issue 16 item 2b). Every debit reads the sender's balance, so two
 * transactions debiting one account in the same block conflict and at most one commits. Only the sender's custodian
 * org may debit it, so this org's node sees every debit of the accounts it serves and can order them itself: while no
 * transfer from an account is in flight, one is submitted at once, exactly as alone (no added latency); while one is,
 * later ones queue, and when it has its outcome the queue goes out as ONE {@code Money:transferPack} of at most
 * {@link Settings#itemsMax} items, each applied or refused on its own in the chaincode. Each caller gets its own item's
 * answer, as a lone transfer would have. An account's lane is dropped as soon as nothing of it is in flight, so memory
 * is bounded by the accounts being sent from at the moment, each by {@link Settings#queueMax}.
 */
public final class SenderPacker {

    /**
     * At most {@code itemsMax} transfers in one packed transaction (at most the chaincode's {@code batchLegsMax}), and
     * at most {@code queueMax} waiting per sending account (beyond: OVERLOADED, retry shortly).
     */
    public record Settings(int itemsMax, int queueMax) {
        public Settings {
            if (itemsMax < 1 || itemsMax > 1_000) {
                throw new IllegalArgumentException("node.send-pack.items-max must be in [1, 1000], got " + itemsMax);
            }
            if (queueMax < 0 || queueMax > 100_000) {
                throw new IllegalArgumentException("node.send-pack.queue-max must be in [0, 100000], got " + queueMax);
            }
        }
    }

    /** How a transaction goes to the ledger (the writer's own submission, with its conflict retries). */
    @FunctionalInterface
    interface Direct {
        LedgerWriter.Written submit(String transaction, Object request);
    }

    /** Told of every packed transaction's size, for metrics. */
    @FunctionalInterface
    public interface PackSizes {
        void record(int items);
    }

    /** The time a caller refused for a full queue is told to wait: about one block. */
    private static final Duration FULL_RETRY_AFTER = Duration.ofSeconds(1);

    private final Settings settings;
    private final Direct direct;
    private final Executor packs;
    private final PackSizes sizes;
    private final ReentrantLock lock = new ReentrantLock();
    /** The sending accounts with a transfer in flight, and what waits behind it. Guarded by {@link #lock}. */
    private final Map<String, ArrayDeque<Waiting>> lanes = new HashMap<>();

    SenderPacker(Settings settings, Direct direct, Executor packs, PackSizes sizes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.direct = Objects.requireNonNull(direct, "direct");
        this.packs = Objects.requireNonNull(packs, "packs");
        this.sizes = Objects.requireNonNull(sizes, "sizes");
    }

    /** A caller's transfer, waiting for its item's outcome. */
    private record Waiting(TransferRequest request, CompletableFuture<LedgerWriter.Written> answer) {
    }

    /** Submits a transfer, at once when nothing of its sender is in flight, else with the next pack of its sender. */
    LedgerWriter.Written transfer(TransferRequest request) {
        String sender = request.leg().from();
        Waiting waiting;
        lock.lock();
        try {
            ArrayDeque<Waiting> lane = lanes.get(sender);
            if (lane == null) {
                lanes.put(sender, new ArrayDeque<>());
                waiting = null;
            } else {
                if (lane.size() >= settings.queueMax()) {
                    throw new ApiException(ApiErrorCode.Service.OVERLOADED, "too many transfers from one account are "
                            + "waiting; retry shortly with the same Idempotency-Key").retryAfter(FULL_RETRY_AFTER);
                }
                waiting = new Waiting(request, new CompletableFuture<>());
                lane.add(waiting);
            }
        } finally {
            lock.unlock();
        }
        if (waiting == null) {
            try {
                return direct.submit(Transactions.MONEY_TRANSFER, request);
            } finally {
                next(sender);
            }
        }
        return await(waiting.answer());
    }

    /** How many transfers wait behind one in flight, over every sender (a gauge). */
    public int queued() {
        lock.lock();
        try {
            return lanes.values().stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    /** How many senders have a transfer in flight (a gauge; the lanes held in memory). */
    public int senders() {
        lock.lock();
        try {
            return lanes.size();
        } finally {
            lock.unlock();
        }
    }

    /** The sender's transaction in flight has its outcome: send what waits as one pack, or drop the idle lane. */
    private void next(String sender) {
        List<Waiting> pack = new ArrayList<>();
        lock.lock();
        try {
            ArrayDeque<Waiting> lane = lanes.get(sender);
            while (!lane.isEmpty() && pack.size() < settings.itemsMax()) {
                pack.add(lane.poll());
            }
            if (pack.isEmpty()) {
                lanes.remove(sender);
                return;
            }
        } finally {
            lock.unlock();
        }
        packs.execute(() -> {
            try {
                send(pack);
            } finally {
                next(sender);
            }
        });
    }

    /** Sends a pack and answers each of its callers; a failure of the whole transaction is every item's answer. */
    private void send(List<Waiting> pack) {
        sizes.record(pack.size());
        try {
            if (pack.size() == 1) {
                pack.get(0).answer().complete(direct.submit(Transactions.MONEY_TRANSFER, pack.get(0).request()));
                return;
            }
            LedgerWriter.Written written = direct.submit(Transactions.MONEY_TRANSFER_PACK,
                    TransferPackRequest.of(pack.stream().map(Waiting::request).toList()));
            switch (written) {
                case LedgerWriter.Written.Pending pending -> pack.forEach(w -> w.answer().complete(pending));
                case LedgerWriter.Written.Done done -> answer(pack, done);
            }
        } catch (RuntimeException e) {
            pack.forEach(w -> w.answer().completeExceptionally(e));
        }
    }

    /** Each caller's own outcome from the packed result: its result as a lone transfer's, or its refusal. */
    private static void answer(List<Waiting> pack, LedgerWriter.Written.Done done) {
        List<PackedOutcome> outcomes = LedgerJson.read(done.resultJson(), TransferPackResult.class).items();
        if (outcomes.size() != pack.size()) {
            throw new IllegalStateException("the chaincode answered " + outcomes.size() + " outcomes for " + pack.size()
                    + " packed transfers");
        }
        for (int i = 0; i < pack.size(); i++) {
            PackedOutcome outcome = outcomes.get(i);
            CompletableFuture<LedgerWriter.Written> answer = pack.get(i).answer();
            if (outcome.error() != null) {
                answer.completeExceptionally(new LedgerException(outcome.error().code(), outcome.error().message()));
            } else {
                // A replayed item (its key was used before) names the transaction that applied it, not the pack that
                // only read its record: what the caller retrying it needs. The pack's block is at or after that one's,
                // so read-your-writes at it still holds.
                answer.complete(new LedgerWriter.Written.Done(outcome.result().txId(), done.blockNumber(),
                        LedgerJson.writeString(outcome.result())));
            }
        }
    }

    private static LedgerWriter.Written await(CompletableFuture<LedgerWriter.Written> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
