package io.ledgernode.chaincode.governance;

import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.governance.ConfigureRequest;
import io.ledgernode.chaincode.tx.LedgerContract;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** {@value Transactions#GOVERNANCE}: {@code configure} once per channel, {@code config} to read it. */
@Contract(name = Transactions.GOVERNANCE,
        info = @Info(title = "Ledger governance", description = "One-time channel configuration", version = "1"))
@Default
public final class GovernanceContract extends LedgerContract {

    /** {@code {"issuerMsp":"Org1MSP","bulkOpenMax":1000,"batchLegsMax":100,"pageSizeMax":100}} → the config. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String configure(final Context ctx, final String request) {
        return update(ctx, request, ConfigureRequest.class, tx -> { }, (tx, parsed) -> new Configuration(tx).configure(parsed));
    }

    /** {@code ""} → the config; NOT_CONFIGURED before {@code configure}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String config(final Context ctx, final String request) {
        return query(ctx, tx -> {
            if (!request.isEmpty()) {
                throw Require.invalid("Governance:config takes an empty argument");
            }
            return tx.config();
        });
    }
}
