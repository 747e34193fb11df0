package io.ledgernode.node.chain;

import com.fasterxml.jackson.core.JsonParser;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Submits ledger transactions and turns their outcome into what the API answers. */
public final class LedgerWriter {

    /** What a write came to: done (committed VALID) or pending (sent, outcome not yet known). */
    public sealed interface Written {
        String txId();

        /**
         * Committed VALID in {@code blockNumber}; {@code resultJson} is the chaincode's answer exactly as it wrote it
         * (one JSON value; {@code {}} when it wrote nothing), passed on to the caller byte for byte, never re-encoded.
         */
        record Done(String txId, long blockNumber, String resultJson) implements Written {
            public Done {
                Objects.requireNonNull(txId, "txId");
                requireJson(resultJson);
            }
        }

        /** The orderer took it but its commit status did not arrive: resolve later by its id. */
        record Pending(String txId, String reason) implements Written {
        }
    }

    /** Where submissions go: the gateway client in the process ({@code LedgerClient::submit}). */
    @FunctionalInterface
    public interface Submitter {
        SubmitOutcome submit(String transaction, String argument);
    }

    /**
     * Told the outcome of every submission (for metrics): committed, pending, rejected, retried, invalidated,
     * unavailable, replayed.
     */
    @FunctionalInterface
    public interface Outcomes {
        void record(String transaction, String outcome);
    }

    /**
     * How a write that lost an MVCC race is resubmitted: at most {@code retriesMax} times, the pause before each
     * doubling from {@code backoffInitial} up to {@code backoffMax}.
     */
    public record ConflictRetry(int retriesMax, Duration backoffInitial, Duration backoffMax) {
        public ConflictRetry {
            Objects.requireNonNull(backoffInitial, "backoffInitial");
            Objects.requireNonNull(backoffMax, "backoffMax");
            if (retriesMax < 0 || retriesMax > 20) {
                throw new IllegalArgumentException("retriesMax must be in [0, 20], got " + retriesMax);
            }
            if (backoffInitial.isNegative() || backoffMax.compareTo(backoffInitial) < 0) {
                throw new IllegalArgumentException("backoffInitial must be at least zero and at most backoffMax");
            }
        }

        /** The pause before resubmission {@code attempt + 1}, after {@code attempt} (0, 1, ...) conflicts. */
        Duration backoffAfter(int attempt) {
            long millis = backoffInitial.toMillis() << Math.min(attempt, 20);
            return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
        }
    }

    /** How long a caller whose write lost a race beyond the resubmissions is asked to wait: about one block. */
    static final Duration CONFLICT_RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * Where the block of a committed transaction is found: the node's own mirror (empty while it has not reached that
     * block yet).
     */
    @FunctionalInterface
    public interface TxBlocks {
        Optional<Long> blockOf(String txId);

        /** Knows no block: a replay is answered with block -1 (tests, and writers whose answers name no block). */
        TxBlocks NONE = txId -> Optional.empty();
    }

    /**
     * How long a replay's answer waits for the mirror to know the original's block. The original committed before its
     * record could be read, so the mirror is at most its lag behind (about one block); past this the answer says -1,
     * as the write-status route does, rather than keep the caller waiting.
     */
    static final Duration REPLAY_BLOCK_WAIT = Duration.ofSeconds(2);

    private final Submitter client;
    private final ConflictRetry conflictRetry;
    private final Outcomes outcomes;
    private final TxBlocks blocks;
    /** Packs concurrent single transfers from one account ({@link SenderPacker}); null: each goes alone. */
    private final SenderPacker packer;

    /** A writer that submits every request alone (the compliance identity's, and tests'). */
    public LedgerWriter(Submitter client, ConflictRetry conflictRetry, Outcomes outcomes) {
        this(client, conflictRetry, outcomes, TxBlocks.NONE);
    }

    /** A writer that submits every request alone, and finds a replayed write's original block in {@code blocks}. */
    public LedgerWriter(Submitter client, ConflictRetry conflictRetry, Outcomes outcomes, TxBlocks blocks) {
        this.client = Objects.requireNonNull(client, "client");
        this.conflictRetry = Objects.requireNonNull(conflictRetry, "conflictRetry");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.packer = null;
    }

    /**
     * A writer that packs concurrent single transfers from one sending account into one transaction, the packs sent on
     * {@code packs} (a virtual thread each, in the process).
     */
    public LedgerWriter(Submitter client, ConflictRetry conflictRetry, Outcomes outcomes, SenderPacker.Settings packing,
                        Executor packs, SenderPacker.PackSizes sizes) {
        this(client, conflictRetry, outcomes, TxBlocks.NONE, packing, packs, sizes);
    }

    /** The packing writer, finding a replayed write's original block in {@code blocks}. */
    public LedgerWriter(Submitter client, ConflictRetry conflictRetry, Outcomes outcomes, TxBlocks blocks,
                        SenderPacker.Settings packing, Executor packs, SenderPacker.PackSizes sizes) {
        this.client = Objects.requireNonNull(client, "client");
        this.conflictRetry = Objects.requireNonNull(conflictRetry, "conflictRetry");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.packer = new SenderPacker(packing, this::submitAlone, packs, sizes);
    }

    /** The packer of this writer's transfers, for its gauges; null when it sends each alone. */
    public SenderPacker packer() {
        return packer;
    }

    /**
     * A caller's write, in the order both transports share: the caller must hold one of {@code roles} (403), its
     * Idempotency-Key is scoped to it (400 when missing or malformed), the request is built under that key (where the
     * operation checks the caller's right to what it names), and only then is {@code transaction} submitted.
     */
    public <R> WriteResult submit(String transaction, Caller caller, String idempotencyKey, WriteRequest<R> request, Role... roles) {
        Requests.requireRole(caller, roles);
        String key = Requests.scopedKey(idempotencyKey, caller);
        return new WriteResult(idempotencyKey, submit(transaction, request.withKey(key)));
    }

    /**
     * Submits {@code transaction(request)}, {@code request} being the ledger-api request record of that transaction,
     * written as the chaincode's JSON once. An MVCC or phantom read conflict (the transaction changed nothing) is
     * resubmitted, the same bytes with the same idempotency key, at most {@link ConflictRetry#retriesMax} times. A
     * single transfer goes through the packer when this writer has one.
     */
    public Written submit(String transaction, Object request) {
        Objects.requireNonNull(transaction, "transaction");
        try {
            if (packer != null && request instanceof TransferRequest transfer && transaction.equals(Transactions.MONEY_TRANSFER)) {
                return packer.transfer(transfer);
            }
            return submitAlone(transaction, request);
        } catch (LedgerException e) {
            if (e.code() == ErrorCode.REPLAYED) {
                return replayed(e.text());
            }
            throw e;
        }
    }

    /**
     * A request sent again under its key: the chaincode refused to endorse it and named the transaction that applied
     * it, so nothing new reached the chain; the caller gets what the first call got (that transaction, its block and
     * its result, byte for byte).
     */
    private Written replayed(String replayJson) {
        IdempotentReplay replay;
        try {
            replay = LedgerJson.read(replayJson, IdempotentReplay.class);
        } catch (LedgerException e) {
            throw new IllegalStateException("the chaincode named a replay's original in something else: " + e.getMessage(), e);
        }
        return new Written.Done(replay.txId(), blockOf(replay.txId()), replay.result());
    }

    /**
     * The original's block from the mirror, waited for at most {@link #REPLAY_BLOCK_WAIT}; -1 past that, or at once
     * when the mirror cannot be read: the chain has answered, and the caller gets that answer without the block
     * rather than an error.
     */
    private long blockOf(String txId) {
        if (blocks == TxBlocks.NONE) {
            return -1;
        }
        long deadline = System.nanoTime() + REPLAY_BLOCK_WAIT.toNanos();
        while (true) {
            Optional<Long> block;
            try {
                block = blocks.blockOf(txId);
            } catch (RuntimeException e) {
                return -1;
            }
            if (block.isPresent()) {
                return block.get();
            }
            if (System.nanoTime() >= deadline) {
                return -1;
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** {@code transaction(request)} in a transaction of its own. */
    private Written submitAlone(String transaction, Object request) {
        String argument = LedgerJson.writeString(Objects.requireNonNull(request, "request"));
        int conflictRetriesMax = conflictRetry.retriesMax();
        for (int attempt = 0; ; attempt++) {
            SubmitOutcome outcome = client.submit(transaction, argument);
            outcomes.record(transaction, switch (outcome) {
                case SubmitOutcome.Committed committed -> "committed";
                case SubmitOutcome.Rejected rejected -> rejected.code() == ErrorCode.REPLAYED ? "replayed" : "rejected";
                case SubmitOutcome.Unknown unknown -> "pending";
                case SubmitOutcome.Unavailable unavailable -> "unavailable";
                case SubmitOutcome.Invalidated invalidated -> retriable(invalidated.code()) && attempt < conflictRetriesMax ? "retried" : "invalidated";
            });
            switch (outcome) {
                case SubmitOutcome.Committed committed -> {
                    return new Written.Done(committed.txId(), committed.blockNumber(),
                            committed.result().isEmpty() ? "{}" : committed.result());
                }
                case SubmitOutcome.Rejected rejected -> throw new LedgerException(rejected.code(), rejected.message());
                case SubmitOutcome.Unknown unknown -> {
                    return new Written.Pending(unknown.txId(), unknown.reason());
                }
                case SubmitOutcome.Unavailable unavailable -> throw new ApiException(ApiErrorCode.Service.LEDGER_UNAVAILABLE,
                        "the ledger network did not take the transaction; retry with the same Idempotency-Key");
                case SubmitOutcome.Invalidated invalidated -> {
                    if (retriable(invalidated.code()) && attempt >= conflictRetriesMax) {
                        // A race lost again and again (another node debiting the same account, say): nothing changed,
                        // and the same request under the same key will most likely commit in a later block.
                        throw new ApiException(ApiErrorCode.Service.WRITE_CONFLICT, "the transaction lost a race for "
                                + "the same records (" + invalidated.code() + ") and changed nothing; retry with the same "
                                + "Idempotency-Key").retryAfter(CONFLICT_RETRY_AFTER);
                    }
                    if (!retriable(invalidated.code())) {
                        throw new ApiException(ApiErrorCode.Service.TRANSACTION_INVALIDATED, "the transaction was ordered but "
                                + "marked " + invalidated.code() + " and changed nothing; retry with the same Idempotency-Key");
                    }
                    pause(conflictRetry.backoffAfter(attempt));
                }
            }
        }
    }

    private static boolean retriable(TxValidationCode code) {
        return code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Refuses anything but one JSON value: the chaincode answering otherwise is a fault, not an outcome to pass on. */
    private static void requireJson(String json) {
        Objects.requireNonNull(json, "resultJson");
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the chaincode answered with something that is not JSON", e);
        }
    }
}
