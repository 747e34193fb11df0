package io.ledgernode.node.transfer;

import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.ApiException;

/**
 * Transfers, whatever the transport: a single transfer or an all-or-nothing batch. A wallet moves money only out of
 * the accounts its token names (any other sender is "not found"); an operator out of any account of the node's org.
 */
public final class TransferOperations {

    private final LedgerWriter writer;

    public TransferOperations(LedgerWriter writer) {
        this.writer = writer;
    }

    /** One transfer, {@code {"from","to","asset","amount","reference"?}} under the caller's key. */
    public WriteResult transfer(Caller caller, String idempotencyKey, WriteRequest<TransferRequest> request) {
        return writer.submit(Transactions.MONEY_TRANSFER, caller, idempotencyKey,
                request.checked(transfer -> requireSender(caller, transfer.leg())), Role.WALLET, Role.OPERATOR);
    }

    /** {@code {"legs":[{"from","to","asset","amount","reference"?}, ...]}}: every leg or none. */
    public WriteResult transferBatch(Caller caller, String idempotencyKey, WriteRequest<TransferBatchRequest> request) {
        return writer.submit(Transactions.MONEY_TRANSFER_BATCH, caller, idempotencyKey,
                request.checked(batch -> batch.legs().forEach(leg -> requireSender(caller, leg))), Role.WALLET, Role.OPERATOR);
    }

    private static void requireSender(Caller caller, TransferLeg leg) {
        if (!caller.has(Role.OPERATOR) && !caller.accounts().contains(leg.from())) {
            // As if it did not exist: a wallet learns nothing about accounts that are not its own.
            throw ApiException.notFound("account " + leg.from());
        }
    }
}
