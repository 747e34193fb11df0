package io.ledgernode.chaincode.money;

import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferPackRequest;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.chaincode.tx.Idempotency;
import io.ledgernode.chaincode.tx.LedgerContract;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * {@value Transactions#MONEY}: {@code mint}, {@code burn} (issuer only), {@code transfer} and {@code transferBatch}
 * (custodian of each debited account). Every request is idempotent per caller MSP; the result is
 * {@code {"txId":..,"timestamp":..,"entries":[..]}}.
 */
@Contract(name = Transactions.MONEY, info = @Info(title = "Ledger money", version = "1"))
public final class MoneyContract extends LedgerContract {

    /**
     * {@code "k1"}, an idempotency key of the caller's org → {@code {"found":true,"idempotencyKey":"k1","result":"..."}}
     * with the original result (JSON text, its {@code txId} included) of the money or hold request that used the key,
     * or {@code {"found":false,...}}: how a client that lost the answer learns the outcome without guessing.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String outcome(final Context ctx, final String idempotencyKey) {
        return query(ctx, tx -> Idempotency.outcome(tx, Require.idempotencyKey("idempotencyKey", idempotencyKey)));
    }

    /** {@code {"idempotencyKey":"k1","account":"alice","amount":"10000"}}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String mint(final Context ctx, final String request) {
        return idempotent(ctx, Transactions.MONEY_MINT, request, MintRequest.class, LedgerContract::issuer,
                (tx, parsed) -> new Payments(tx).mint(parsed));
    }

    /** {@code {"idempotencyKey":"k2","account":"treasury","amount":"500"}}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String burn(final Context ctx, final String request) {
        return idempotent(ctx, Transactions.MONEY_BURN, request, BurnRequest.class, LedgerContract::issuer,
                (tx, parsed) -> new Payments(tx).burn(parsed));
    }

    /**
     * {@code {"idempotencyKey":"k3","from":"alice","to":"bob","asset":"USD","amount":"2500","reference":"inv-9"}}. The
     * most frequent transaction reads no configuration ({@link Payments#single}): one key fewer for the chaincode to
     * fetch and for every peer to validate.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String transfer(final Context ctx, final String request) {
        return idempotent(ctx, Transactions.MONEY_TRANSFER, request, TransferRequest.class, tx -> { },
                (tx, parsed) -> Payments.reads(List.of(parsed.leg())),
                (tx, parsed) -> new Payments(tx).single(parsed.idempotencyKey(), parsed.leg()));
    }

    /** {@code {"idempotencyKey":"k4","legs":[{"from":"a","to":"b","asset":"USD","amount":"1"}, ...]}}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String transferBatch(final Context ctx, final String request) {
        return idempotent(ctx, Transactions.MONEY_TRANSFER_BATCH, request, TransferBatchRequest.class,
                LedgerContract::configured,
                (tx, parsed) -> parsed.legs().size() > tx.config().batchLegsMax()
                        ? List.of() : Payments.reads(parsed.legs()),
                (tx, parsed) -> new Payments(tx).transfer(parsed.idempotencyKey(), parsed.legs()));
    }

    /**
     * {@code {"items":[{"idempotencyKey":"k5","from":"a","to":"b","asset":"USD","amount":"1"}, ...]}}: independent
     * transfers, each applied or refused on its own ({@code {"items":[{"idempotencyKey":..,"result":{..}} or
     * {"idempotencyKey":..,"error":{"code":..,"message":..}}, ...]}}). Sent by a node packing concurrent debits of one
     * account it serves, so they do not conflict with each other.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String transferPack(final Context ctx, final String request) {
        return update(ctx, request, TransferPackRequest.class, LedgerContract::configured,
                (tx, parsed) -> new Payments(tx).pack(parsed));
    }
}
