package io.ledgernode.node.transfer;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transfers, whatever the transport: a single transfer or an all-or-nothing batch. A wallet moves money only out of
 * the accounts its token names (any other sender is "not found"); an operator out of any account of the node's org.
 */
public final class TransferOperations {

    /** Told of the legs of a transfer the chain refused because an account is frozen (an alert, when it is the receiver). */
    @FunctionalInterface
    public interface FrozenRefusals {
        void refused(Caller caller, List<TransferLeg> legs);

        FrozenRefusals NONE = (caller, legs) -> { };
    }

    private final LedgerWriter writer;
    private final FrozenRefusals frozen;

    public TransferOperations(LedgerWriter writer) {
        this(writer, FrozenRefusals.NONE);
    }

    public TransferOperations(LedgerWriter writer, FrozenRefusals frozen) {
        this.writer = writer;
        this.frozen = frozen;
    }

    /** One transfer, {@code {"from","to","asset","amount","reference"?}} under the caller's key. */
    public WriteResult transfer(Caller caller, String idempotencyKey, WriteRequest<TransferRequest> request) {
        List<TransferLeg> legs = new ArrayList<>();
        return watched(caller, legs, () -> writer.submit(Transactions.MONEY_TRANSFER, caller, idempotencyKey,
                request.checked(transfer -> {
                    requireSender(caller, transfer.leg());
                    legs.add(transfer.leg());
                }), Role.WALLET, Role.OPERATOR));
    }

    /** {@code {"legs":[{"from","to","asset","amount","reference"?}, ...]}}: every leg or none. */
    public WriteResult transferBatch(Caller caller, String idempotencyKey, WriteRequest<TransferBatchRequest> request) {
        List<TransferLeg> legs = new ArrayList<>();
        return watched(caller, legs, () -> writer.submit(Transactions.MONEY_TRANSFER_BATCH, caller, idempotencyKey,
                request.checked(batch -> {
                    batch.legs().forEach(leg -> requireSender(caller, leg));
                    legs.addAll(batch.legs());
                }), Role.WALLET, Role.OPERATOR));
    }

    /** {@code write}, telling {@link FrozenRefusals} of its legs when the chain refuses it for a frozen account. */
    private WriteResult watched(Caller caller, List<TransferLeg> legs, Supplier<WriteResult> write) {
        try {
            return write.get();
        } catch (LedgerException e) {
            if (e.code() == ErrorCode.ACCOUNT_FROZEN) {
                frozen.refused(caller, List.copyOf(legs));
            }
            throw e;
        }
    }

    private static void requireSender(Caller caller, TransferLeg leg) {
        if (!caller.has(Role.OPERATOR) && !caller.accounts().contains(leg.from())) {
            // As if it did not exist: a wallet learns nothing about accounts that are not its own.
            throw ApiException.notFound("account " + leg.from());
        }
    }
}
