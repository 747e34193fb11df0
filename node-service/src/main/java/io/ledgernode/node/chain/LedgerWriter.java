package io.ledgernode.node.chain;

import com.fasterxml.jackson.core.JsonParser;
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

    /** Told the outcome of every submission (for metrics): committed, pending, rejected, retried, invalidated, unavailable. */
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

    private final Submitter client;
    private final ConflictRetry conflictRetry;
    private final Outcomes outcomes;
    /** Packs concurrent single transfers from one account ({@link SenderPacker}); null: each goes alone. */
    private final SenderPacker packer;

    /** A writer that submits every request alone (the compliance identity's, and tests'). */
    public LedgerWriter(Submitter client, ConflictRetry conflictRetry, Outcomes outcomes) {
        this.client = Objects.requireNonNull(client, "client");
        this.conflictRetry = Objects.requireNonNull(conflictRetry, "conflictRetry");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.packer = null;
    }

    /**
     * A writer that packs concurrent single transfers from one sending account into one transaction, the packs sent on
     * {@code packs} (a virtual thread each, in the process).
     */
    public LedgerWriter(Submitter client, ConflictRetry conflictRetry, Outcomes outcomes, SenderPacker.Settings packing,
                        Executor packs, SenderPacker.PackSizes sizes) {
        this.client = Objects.requireNonNull(client, "client");
        this.conflictRetry = Objects.requireNonNull(conflictRetry, "conflictRetry");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
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
        return new WriteResult(key, submit(transaction, request.withKey(key)));
    }

    /**
     * Submits {@code transaction(request)}, {@code request} being the ledger-api request record of that transaction,
     * written as the chaincode's JSON once. An MVCC or phantom read conflict (the transaction changed nothing) is
     * resubmitted, the same bytes with the same idempotency key, at most {@link ConflictRetry#retriesMax} times. A
     * single transfer goes through the packer when this writer has one.
     */
    public Written submit(String transaction, Object request) {
        Objects.requireNonNull(transaction, "transaction");
        if (packer != null && request instanceof TransferRequest transfer && transaction.equals(Transactions.MONEY_TRANSFER)) {
            return packer.transfer(transfer);
        }
        return submitAlone(transaction, request);
    }

    /** {@code transaction(request)} in a transaction of its own. */
    private Written submitAlone(String transaction, Object request) {
        String argument = LedgerJson.writeString(Objects.requireNonNull(request, "request"));
        int conflictRetriesMax = conflictRetry.retriesMax();
        for (int attempt = 0; ; attempt++) {
            SubmitOutcome outcome = client.submit(transaction, argument);
            outcomes.record(transaction, switch (outcome) {
                case SubmitOutcome.Committed committed -> "committed";
                case SubmitOutcome.Rejected rejected -> "rejected";
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
