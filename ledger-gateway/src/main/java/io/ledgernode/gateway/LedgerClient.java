package io.ledgernode.gateway;

import io.grpc.Status;
import io.ledgernode.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Submits and evaluates ledger transactions ({@code Contract:function} with one JSON argument) and maps each
 * outcome to a {@link SubmitOutcome}. Exceptions are for what is not an outcome: a bad argument from the programmer,
 * or a query the chaincode refused ({@link LedgerQueryException}).
 */
public final class LedgerClient {

    /**
     * One line per transaction the orderer took ({@code submitted tx=<id>; awaiting its commit status}): the id an
     * operator needs when the process dies before answering, and the moment the chaos nemesis aims at.
     */
    private static final System.Logger LOG = System.getLogger(LedgerClient.class.getName());

    private final LedgerConnection connection;
    private final EndorseRetry endorseRetry;
    private final OrderRetry orderRetry;
    private final String ownMspId;
    private final Optional<CommitWatch> commitWatch;

    /** Where commit statuses come from first, and how long to wait for one there before asking the gateway. */
    public record CommitWatch(CommitWatcher watcher, Duration waitMax) {
        public CommitWatch {
            Objects.requireNonNull(watcher, "watcher");
            Objects.requireNonNull(waitMax, "waitMax");
        }
    }

    public LedgerClient(LedgerConnection connection) {
        this(connection, EndorseRetry.defaults());
    }

    public LedgerClient(LedgerConnection connection, EndorseRetry endorseRetry) {
        this(connection, endorseRetry, Optional.empty());
    }

    /** With {@code commitWatch}: statuses from its block stream when it has them, from CommitStatus otherwise. */
    public LedgerClient(LedgerConnection connection, EndorseRetry endorseRetry, Optional<CommitWatch> commitWatch) {
        this(connection, endorseRetry, OrderRetry.defaults(), commitWatch);
    }

    /** With {@code orderRetry}: how long a transaction the ordering service did not take is handed to it again. */
    public LedgerClient(LedgerConnection connection, EndorseRetry endorseRetry, OrderRetry orderRetry,
            Optional<CommitWatch> commitWatch) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.endorseRetry = Objects.requireNonNull(endorseRetry, "endorseRetry");
        this.orderRetry = Objects.requireNonNull(orderRetry, "orderRetry");
        this.commitWatch = Objects.requireNonNull(commitWatch, "commitWatch");
        this.ownMspId = connection.gateway().getIdentity().getMspId();
    }

    /** Endorses, orders and waits for the commit status of one transaction. */
    public SubmitOutcome submit(String transaction, String argument) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(argument, "argument");
        Proposal proposal = connection.contract().newProposal(transaction).addArguments(argument).build();
        return submit(proposal);
    }

    /** Endorses, orders and waits for the commit status of a proposal built (and perhaps signed) elsewhere. */
    public SubmitOutcome submit(Proposal proposal) {
        String txId = proposal.getTransactionId();
        Transaction endorsed;
        for (int attempt = 1; ; attempt++) {
            try {
                endorsed = proposal.endorse();
                break;
            } catch (EndorseException e) {
                if (attempt >= endorseRetry.attemptsMax() || !EndorseRetry.isTransient(e, ownMspId)) {
                    return rejectedOrUnavailable(txId, e, ownMspId);
                }
                if (!pause(endorseRetry.backoffBefore(attempt + 1))) {
                    return rejectedOrUnavailable(txId, e, ownMspId);
                }
            }
        }
        // Registered before the orderer has it, so that its block cannot pass the watcher unnoticed; forgotten however
        // this ends (an exception included), so the watcher holds only the writes waiting now.
        commitWatch.ifPresent(watch -> watch.watcher().expect(txId));
        try {
            return submitAndAwait(txId, endorsed);
        } finally {
            commitWatch.ifPresent(watch -> watch.watcher().forget(txId));
        }
    }

    private SubmitOutcome submitAndAwait(String txId, Transaction endorsed) {
        SubmittedTransaction submitted;
        try {
            submitted = orderRetry.run(() -> submitOnce(txId, endorsed), LedgerClient::pause, System::nanoTime);
        } catch (SubmitException e) {
            return new SubmitOutcome.Unavailable(txId, "the orderer did not accept the transaction: " + describe(e));
        }
        LOG.log(System.Logger.Level.INFO, "submitted tx={0}; awaiting its commit status", txId);
        Optional<CommitWatcher.Status> seen = commitWatch.flatMap(watch -> orderRetry.awaitReordering(watch.waitMax(),
                slice -> watch.watcher().await(txId, slice), () -> reorder(txId, endorsed), System::nanoTime));
        if (seen.isPresent()) {
            return outcome(txId, seen.get().blockNumber(), seen.get().code(), submitted);
        }
        try {
            var status = submitted.getStatus();
            return outcome(txId, status.getBlockNumber(), status.getCode(), submitted);
        } catch (CommitStatusException e) {
            return new SubmitOutcome.Unknown(txId, "no commit status: " + describe(e));
        }
    }

    /**
     * Hands a transaction the ordering service took, but whose block has not come, to it again: the orderer that took
     * it may have been lost with it. Tried again at once only when no orderer answered in time
     * ({@link OrderRetry#reorderAgain}); a refusal changes nothing (BFT orderers that have the transaction answer
     * "request already processed"): the wait for the first copy's block goes on, and the next re-ordering may follow.
     */
    private void reorder(String txId, Transaction endorsed) {
        LOG.log(System.Logger.Level.INFO, "tx={0} is not committed {1} after the ordering service took it; handing it over again",
                txId, orderRetry.reorderAfter());
        for (int attempt = 1; ; attempt++) {
            try {
                endorsed.submitAsync();
                return;
            } catch (SubmitException e) {
                if (!OrderRetry.reorderAgain(attempt, e)) {
                    LOG.log(System.Logger.Level.INFO, "ordering did not take tx={0} again ({1}); still waiting for its commit",
                            txId, describe(e));
                    return;
                }
            }
        }
    }

    private static SubmittedTransaction submitOnce(String txId, Transaction endorsed) throws SubmitException {
        try {
            return endorsed.submitAsync();
        } catch (SubmitException e) {
            if (OrderRetry.isTransient(e)) {
                LOG.log(System.Logger.Level.INFO, "ordering did not take tx={0} ({1}); trying again", txId, describe(e));
            }
            throw e;
        }
    }

    private static SubmitOutcome outcome(String txId, long blockNumber, TxValidationCode code, SubmittedTransaction submitted) {
        if (code == TxValidationCode.VALID) {
            return new SubmitOutcome.Committed(txId, blockNumber, new String(submitted.getResult(), StandardCharsets.UTF_8));
        }
        return new SubmitOutcome.Invalidated(txId, blockNumber, code);
    }

    /** Evaluates a query on the org's gateway peer; the chaincode's refusal is a {@link LedgerQueryException}. */
    public String evaluate(String transaction, String argument) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(argument, "argument");
        try {
            return new String(connection.contract().evaluateTransaction(transaction, argument), StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            ChaincodeErrors.Rejection rejection = ChaincodeErrors.rejection(e)
                    .orElseThrow(() -> new LedgerUnavailableException(transaction + ": " + describe(e), e));
            throw new LedgerQueryException(rejection.code(), rejection.message());
        }
    }

    public LedgerConnection connection() {
        return connection;
    }

    /** Sleeps; false if interrupted (the interrupt is kept for the caller). */
    private static boolean pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What a final endorsement failure means. A rejection by this org's own peer is the chaincode's answer. One by
     * other orgs' peers alone, after the retries, is not: this org's peer endorsed, so the peers' states still differ
     * (another org's peer is behind, typically because it or the orderer restarted) and the request may well succeed
     * once it has caught up. Refusing it would tell the caller "no such hold" for a hold this node has just confirmed
     * (found by the chaos run); it is "unavailable, retry under the same key" instead.
     */
    static SubmitOutcome rejectedOrUnavailable(String txId, EndorseException e, String ownMspId) {
        if (EndorseRetry.rejectedOnlyByOtherOrgs(e, ownMspId)) {
            return new SubmitOutcome.Unavailable(txId, "another org's peer has not caught up with this org's (it answered "
                    + ChaincodeErrors.rejection(e).map(r -> r.code().name()).orElse("an error") + "): " + describe(e));
        }
        return ChaincodeErrors.rejection(e)
                .<SubmitOutcome>map(r -> new SubmitOutcome.Rejected(txId, r.code(), r.message()))
                .orElseGet(() -> new SubmitOutcome.Unavailable(txId, "endorsement failed: " + describe(e)));
    }

    private static String describe(GatewayException e) {
        Status status = e.getStatus();
        StringBuilder out = new StringBuilder(status.getCode().name());
        if (status.getDescription() != null) {
            out.append(": ").append(status.getDescription());
        }
        e.getDetails().forEach(d -> out.append(" [").append(d.getMspId()).append('@').append(d.getAddress())
                .append(": ").append(d.getMessage()).append(']'));
        return out.toString();
    }

    /** The chaincode refused a query, with its stable code. */
    public static final class LedgerQueryException extends RuntimeException {
        private final ErrorCode code;

        public LedgerQueryException(ErrorCode code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    /** The network did not answer a query (unreachable peer, deadline). */
    public static final class LedgerUnavailableException extends RuntimeException {
        public LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
