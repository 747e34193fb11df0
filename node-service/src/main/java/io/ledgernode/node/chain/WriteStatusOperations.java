package io.ledgernode.node.chain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.MoneyOutcome;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.node.mirror.Mirror;
import java.io.IOException;

/**
 * The final outcome of a write by its idempotency key, looked up on the chain (never guessed): after a PENDING
 * answer, a caller asks here. The chaincode keeps the result and transaction of every write under its key; the
 * mirror adds the block it committed in.
 */
public final class WriteStatusOperations {

    /** Where chain queries go: the gateway client in the process ({@code LedgerClient::evaluate}). */
    @FunctionalInterface
    public interface Evaluator {
        String evaluate(String transaction, String argument);
    }

    private final Evaluator chain;
    private final Mirror mirror;

    public WriteStatusOperations(Evaluator chain, Mirror mirror) {
        this.chain = chain;
        this.mirror = mirror;
    }

    public WriteResult status(Caller caller, String idempotencyKey) {
        Requests.requireRole(caller, Role.WALLET, Role.OPERATOR, Role.ISSUER);
        String key = Requests.scopedKey(idempotencyKey, caller);
        MoneyOutcome outcome = outcome(chain.evaluate(Transactions.MONEY_OUTCOME, key));
        if (outcome.result().isEmpty()) {
            throw new ApiException(ApiErrorCode.Service.NOT_FOUND, "nothing committed on the ledger under "
                    + "this Idempotency-Key (every write is recorded by its key). If a submission is pending, ask "
                    + "again shortly, or resubmit with the same key: it is never applied twice");
        }
        String result = outcome.result().get();
        // Records name their transaction; one written before they did is found through its money or hold result.
        String txId = outcome.txId().orElseGet(() -> read(result, Recorded.class).txId());
        long block = mirror.read(view -> view.validTransaction(txId)).value().map(Transaction::blockNumber).orElse(-1L);
        return new WriteResult(idempotencyKey, new LedgerWriter.Written.Done(txId, block, result));
    }

    /** {@code Money:outcome}'s answer, read with the chaincode's own type and mapping. */
    private static MoneyOutcome outcome(String json) {
        try {
            return LedgerJson.read(json, MoneyOutcome.class);
        } catch (LedgerException e) {
            throw new IllegalStateException("the chaincode answered Money:outcome with something else: " + e.getMessage(), e);
        }
    }

    /** The one field of a recorded money or hold result this needs: the transaction that moved the money. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recorded(String txId) {
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("the chaincode answered with something that is not JSON", e);
        }
    }
}
