package io.ledgernode.node.account;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/accounts}, {@code GET /v1/accounts/{id}}, {@code GET /v1/accounts/{id}/transactions}. */
public final class AccountsService extends DomainService<AccountOperations> {

    public AccountsService(Requests requests, AccountOperations accounts) {
        super(requests, accounts);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::open)
                .get("/{id}", this::get)
                .get("/{id}/transactions", this::history);
    }

    private void open(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, (caller, idempotencyKey, body) -> domain.open(caller, idempotencyKey, key -> body.as(OpenAccountRequest.class)));
    }

    private void get(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, domain.get(caller, request.path().pathParameters().get("id"), Requests.minBlock(request)));
    }

    private void history(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, domain.history(caller, request.path().pathParameters().get("id"),
                Requests.query(request, "cursor"), Requests.query(request, "limit"), Requests.minBlock(request)));
    }
}
