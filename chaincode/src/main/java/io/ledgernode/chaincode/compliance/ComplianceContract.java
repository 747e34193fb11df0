package io.ledgernode.chaincode.compliance;

import io.ledgernode.api.Transactions;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.chaincode.tx.LedgerContract;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * {@value Transactions#COMPLIANCE}: {@code freeze}, {@code unfreeze} and {@code setLimits}, for issuer admins and
 * clients with {@code ledger.role=compliance}. Each returns the account record after the change.
 */
@Contract(name = Transactions.COMPLIANCE, info = @Info(title = "Ledger compliance", version = "1"))
public final class ComplianceContract extends LedgerContract {

    /** {@code {"idempotencyKey":"f-1","account":"alice","reason":"..."}}; the key may be left out. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String freeze(final Context ctx, final String request) {
        return keyable(ctx, Transactions.COMPLIANCE_FREEZE, request, FreezeRequest.class, LedgerContract::compliance,
                (tx, parsed) -> new AccountControls(tx).freeze(parsed.account(), parsed.reason()));
    }

    /** {@code {"idempotencyKey":"u-1","account":"alice"}}; the key may be left out. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String unfreeze(final Context ctx, final String request) {
        return keyable(ctx, Transactions.COMPLIANCE_UNFREEZE, request, UnfreezeRequest.class, LedgerContract::compliance,
                (tx, parsed) -> new AccountControls(tx).unfreeze(parsed.account()));
    }

    /**
     * {@code {"idempotencyKey":"l-1","account":"alice","perTransferMax":"100000","dailyDebitMax":"500000"}}; either
     * limit, and the key, may be left out.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String setLimits(final Context ctx, final String request) {
        return keyable(ctx, Transactions.COMPLIANCE_SET_LIMITS, request, SetLimitsRequest.class, LedgerContract::compliance,
                (tx, parsed) -> new AccountControls(tx).setLimits(parsed.account(), parsed.limits()));
    }
}
