package io.ledgernode.node.compliance;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/accounts/{id}/freeze} {@code {"reason"}} and {@code POST /v1/accounts/{id}/unfreeze}. */
public final class ComplianceService implements HttpService {

    private final Requests requests;
    private final ComplianceOperations compliance;

    public ComplianceService(Requests requests, ComplianceOperations compliance) {
        this.requests = requests;
        this.compliance = compliance;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/freeze", this::freeze).post("/{id}/unfreeze", this::unfreeze);
    }

    private void freeze(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        String account = request.path().pathParameters().get("id");
        Json.Body body = Json.body(request);
        // The whole body goes to the chaincode's request type, so an unknown field is refused like on every write.
        WriteResponses.send(response, compliance.freeze(caller, Requests.idempotencyKeyHeader(request), key -> body.as(FreezeRequest.class,
                new Json.Field("account", account, "the account is named by the path, not the body"))));
    }

    private void unfreeze(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        WriteResponses.send(response, compliance.unfreeze(caller, Requests.idempotencyKeyHeader(request), request.path().pathParameters().get("id")));
    }
}
