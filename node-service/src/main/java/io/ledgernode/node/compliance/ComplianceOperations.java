package io.ledgernode.node.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * Freeze and unfreeze, whatever the transport: operators only. The chaincode accepts these only from a compliance
 * identity of the issuer org, so they go out through their own writer (the node's compliance identity), never the
 * identity that moves money.
 */
public final class ComplianceOperations {

    private final LedgerWriter complianceWriter;

    public ComplianceOperations(LedgerWriter complianceWriter) {
        this.complianceWriter = complianceWriter;
    }

    /** {@code {"reason"}} for account {@code account}. */
    public WriteResult freeze(Caller caller, String idempotencyKey, String account, ObjectNode body) {
        Requests.requireRole(caller, Role.OPERATOR);
        String key = Requests.scopedKey(idempotencyKey, caller);
        if (body.has("account")) {
            throw ApiException.badRequest("the account is named by the path, not the body");
        }
        // The whole body goes to the chaincode's request type, so an unknown field is refused like on every write.
        FreezeRequest freeze = LedgerJson.read(body.deepCopy().put("account", account).toString(), FreezeRequest.class);
        return new WriteResult(key, complianceWriter.submit(Transactions.COMPLIANCE_FREEZE, LedgerJson.writeString(freeze)));
    }

    public WriteResult unfreeze(Caller caller, String idempotencyKey, String account) {
        Requests.requireRole(caller, Role.OPERATOR);
        String key = Requests.scopedKey(idempotencyKey, caller);
        UnfreezeRequest unfreeze = LedgerJson.read(Json.MAPPER.createObjectNode().put("account", account).toString(), UnfreezeRequest.class);
        return new WriteResult(key, complianceWriter.submit(Transactions.COMPLIANCE_UNFREEZE, LedgerJson.writeString(unfreeze)));
    }
}
