package io.ledgernode.node.account;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/accounts}, {@code GET /v1/accounts/{id}}, {@code GET /v1/accounts/{id}/transactions}. */
public final class AccountsService implements HttpService {

    private final Requests requests;
    private final AccountOperations accounts;

    public AccountsService(Requests requests, AccountOperations accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::open)
                .get("/{id}", this::get)
                .get("/{id}/transactions", this::history);
    }

    private void open(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, accounts.open(caller, Requests.idempotencyKeyHeader(request), key -> body.as(OpenAccountRequest.class)));
    }

    private void get(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, accounts.get(caller, request.path().pathParameters().get("id"), Requests.minBlock(request)));
    }

    private void history(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, accounts.history(caller, request.path().pathParameters().get("id"),
                request.query().first("cursor").asOptional(), request.query().first("limit").asOptional(), Requests.minBlock(request)));
    }
}
