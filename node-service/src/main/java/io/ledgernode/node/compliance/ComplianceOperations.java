package io.ledgernode.node.compliance;

import io.ledgernode.api.Transactions;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.chain.WriteResult;

/**
 * Freeze, unfreeze and limits, whatever the transport: operators only. The chaincode accepts these only from a compliance
 * identity of the issuer org, so they go out through their own writer (the node's compliance identity), never the
 * identity that moves money.
 */
public final class ComplianceOperations {

    private final LedgerWriter complianceWriter;

    public ComplianceOperations(LedgerWriter complianceWriter) {
        this.complianceWriter = complianceWriter;
    }

    /** {@code {"account","reason"}}: the account named by the transport (the REST path), the reason by the caller. */
    public WriteResult freeze(Caller caller, String idempotencyKey, WriteRequest<FreezeRequest> request) {
        return complianceWriter.submit(Transactions.COMPLIANCE_FREEZE, caller, idempotencyKey, request, Role.OPERATOR);
    }

    /**
     * {@code {"perTransferMax"?,"dailyDebitMax"?}} for the account the transport names: replaces its limits (an
     * omitted limit is none, so an empty body removes both).
     */
    public WriteResult setLimits(Caller caller, String idempotencyKey, WriteRequest<SetLimitsRequest> request) {
        return complianceWriter.submit(Transactions.COMPLIANCE_SET_LIMITS, caller, idempotencyKey, request, Role.OPERATOR);
    }

    public WriteResult unfreeze(Caller caller, String idempotencyKey, String account) {
        return complianceWriter.submit(Transactions.COMPLIANCE_UNFREEZE, caller, idempotencyKey, key -> UnfreezeRequest.of(key, account),
                Role.OPERATOR);
    }
}
