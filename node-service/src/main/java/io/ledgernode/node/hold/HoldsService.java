package io.ledgernode.node.hold;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/holds} {@code {"holdId","account","amount","expiresAt","payee"?}},
 * {@code POST /v1/holds/{id}/capture} {@code {"to","amount"}}, {@code POST /v1/holds/{id}/void}.
 */
public final class HoldsService implements HttpService {

    private final Requests requests;
    private final HoldOperations holds;

    public HoldsService(Requests requests, HoldOperations holds) {
        this.requests = requests;
        this.holds = holds;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::place).post("/{id}/capture", this::capture).post("/{id}/void", this::voidHold);
    }

    private void place(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, holds.place(caller, Requests.idempotencyKeyHeader(request),
                key -> body.as(PlaceHoldRequest.class, Json.idempotencyKey(key))));
    }

    private void capture(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        String holdId = request.path().pathParameters().get("id");
        Json.Body body = Json.body(request);
        WriteResponses.send(response, holds.capture(caller, Requests.idempotencyKeyHeader(request), holdId, key -> body.as(
                CaptureHoldRequest.class, new Json.Field("holdId", holdId, "the hold is named by the path, not the body"),
                Json.idempotencyKey(key))));
    }

    private void voidHold(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.noBody(request);
        WriteResponses.send(response, holds.voidHold(caller, Requests.idempotencyKeyHeader(request), request.path().pathParameters().get("id")));
    }
}
