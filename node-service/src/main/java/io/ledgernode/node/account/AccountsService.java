package io.ledgernode.node.account;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.hold.HoldOperations;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/accounts}, {@code POST /v1/accounts/batch}, {@code GET /v1/accounts/{id}},
 * {@code GET /v1/accounts/{id}/transactions}, {@code GET /v1/accounts/{id}/holds}.
 */
public final class AccountsService extends DomainService<AccountOperations> {

    private final HoldOperations holds;

    public AccountsService(Requests requests, AccountOperations accounts, HoldOperations holds) {
        super(requests, accounts);
        this.holds = holds;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::open)
                .post("/batch", this::openMany)
                .get("/{id}", this::get)
                .get("/{id}/transactions", this::history)
                .get("/{id}/holds", this::holds);
    }

    private void open(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, (caller, idempotencyKey, body) -> domain.open(caller, idempotencyKey, key -> body.as(OpenAccountRequest.class, Json.idempotencyKey(key))));
    }

    private void openMany(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, OpenAccountsRequest.class, domain::openMany);
    }

    private void holds(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, holds.list(caller, request.path().pathParameters().get("id"), Requests.query(request, "status"),
                Requests.query(request, "cursor"), Requests.query(request, "limit"), Requests.minBlock(request)));
    }

    private void list(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, domain.list(caller, Requests.query(request, "jurisdiction"), Requests.query(request, "cursor"),
                Requests.query(request, "limit")));
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
