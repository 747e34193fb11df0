package io.ledgernode.node.hold;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/holds} {@code {"holdId","account","amount","expiresAt","payee"?}},
 * {@code POST /v1/holds/{id}/capture} {@code {"to","amount"}}, {@code POST /v1/holds/{id}/void},
 * {@code POST /v1/holds/{id}/release}, {@code GET /v1/holds/{id}}.
 */
public final class HoldsService extends DomainService<HoldOperations> {

    public HoldsService(Requests requests, HoldOperations holds) {
        super(requests, holds);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::place).post("/{id}/capture", this::capture).post("/{id}/void", this::voidHold)
                .post("/{id}/release", this::release).get("/{id}", this::get);
    }

    private void place(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, PlaceHoldRequest.class, domain::place);
    }

    private void capture(ServerRequest request, ServerResponse response) throws Exception {
        String holdId = request.path().pathParameters().get("id");
        WriteResponses.send(requests, request, response, (caller, idempotencyKey, body) -> domain.capture(caller, idempotencyKey, holdId,
                key -> body.as(CaptureHoldRequest.class, new Json.Field("holdId", holdId, "the hold is named by the path, not the body"),
                Json.idempotencyKey(key))));
    }

    private void release(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, (caller, idempotencyKey) -> domain.release(caller, idempotencyKey,
                request.path().pathParameters().get("id")));
    }

    private void get(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, domain.get(caller, request.path().pathParameters().get("id"), Requests.minBlock(request)));
    }

    private void voidHold(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, (caller, idempotencyKey) -> domain.voidHold(caller, idempotencyKey,
                request.path().pathParameters().get("id")));
    }
}
