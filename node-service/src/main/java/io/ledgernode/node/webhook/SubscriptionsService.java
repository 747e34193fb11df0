package io.ledgernode.node.webhook;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/subscriptions}, {@code GET /v1/subscriptions}, {@code GET|DELETE /v1/subscriptions/{id}},
 * {@code POST /v1/subscriptions/{id}/pause|resume}, {@code POST /v1/subscriptions/{id}/replay?fromBlock=N},
 * {@code GET /v1/subscriptions/{id}/dead-letters}.
 */
public final class SubscriptionsService extends DomainService<SubscriptionOperations> {

    public SubscriptionsService(Requests requests, SubscriptionOperations subscriptions) {
        super(requests, subscriptions);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create).get("/", this::list).get("/{id}", this::get).delete("/{id}", this::delete)
                .post("/{id}/pause", this::pause).post("/{id}/resume", this::resume).post("/{id}/replay", this::replay)
                .get("/{id}/dead-letters", this::deadLetters);
    }

    private void create(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        SubscriptionRequest body = Json.body(request).as(SubscriptionRequest.class);
        SubscriptionOperations.Created created = domain.create(caller, Requests.idempotencyKeyHeader(request), body);
        Json.send(response, created.created() ? Status.CREATED_201 : Status.OK_200, created.subscription());
    }

    private void list(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.list(requests.caller(request)));
    }

    private void get(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.get(requests.caller(request), id(request)));
    }

    private void delete(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        Json.send(response, Status.OK_200, domain.delete(caller, id(request)));
    }

    private void pause(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        Json.send(response, Status.OK_200, domain.pause(caller, id(request)));
    }

    private void resume(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        Json.send(response, Status.OK_200, domain.resume(caller, id(request)));
    }

    private void replay(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        Json.send(response, Status.OK_200, domain.replay(caller, id(request), Requests.query(request, "fromBlock")));
    }

    private void deadLetters(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.deadLetters(requests.caller(request), id(request)));
    }

    private static String id(ServerRequest request) {
        return request.path().pathParameters().get("id");
    }
}
