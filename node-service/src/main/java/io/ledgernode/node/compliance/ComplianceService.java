package io.ledgernode.node.compliance;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/accounts/{id}/freeze} {@code {"reason"}}, {@code POST /v1/accounts/{id}/unfreeze} and
 * {@code PUT /v1/accounts/{id}/limits} {@code {"perTransferMax"?,"dailyDebitMax"?}}.
 */
public final class ComplianceService extends DomainService<ComplianceOperations> {

    public ComplianceService(Requests requests, ComplianceOperations compliance) {
        super(requests, compliance);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/freeze", this::freeze).post("/{id}/unfreeze", this::unfreeze).put("/{id}/limits", this::setLimits);
    }

    private void freeze(ServerRequest request, ServerResponse response) throws Exception {
        String account = request.path().pathParameters().get("id");
        // The whole body goes to the chaincode's request type, so an unknown field is refused like on every write.
        WriteResponses.send(requests, request, response, (caller, idempotencyKey, body) -> domain.freeze(caller, idempotencyKey,
                key -> body.as(FreezeRequest.class, new Json.Field("account", account, "the account is named by the path, not the body"), Json.idempotencyKey(key))));
    }

    private void setLimits(ServerRequest request, ServerResponse response) throws Exception {
        String account = request.path().pathParameters().get("id");
        WriteResponses.send(requests, request, response, (caller, idempotencyKey, body) -> domain.setLimits(caller, idempotencyKey,
                key -> body.as(SetLimitsRequest.class, new Json.Field("account", account, "the account is named by the path, not the body"),
                        Json.idempotencyKey(key))));
    }

    private void unfreeze(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, (caller, idempotencyKey) -> domain.unfreeze(caller, idempotencyKey,
                request.path().pathParameters().get("id")));
    }
}
