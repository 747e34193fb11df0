package io.ledgernode.node.hold;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;

/**
 * {@code POST /v1/holds} {@code {"holdId","account","amount","expiresAt","payee"?}},
 * {@code POST /v1/holds/{id}/capture} {@code {"to","amount"}}, {@code POST /v1/holds/{id}/void}. A wallet acts only
 * on holds of its own accounts (any other hold is a 404); an operator on any.
 */
public final class HoldsService implements HttpService {

    private final Requests requests;
    private final MirrorReader mirror;
    private final LedgerWriter writer;

    public HoldsService(Requests requests, MirrorReader mirror, LedgerWriter writer) {
        this.requests = requests;
        this.mirror = mirror;
        this.writer = writer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::place).post("/{id}/capture", this::capture).post("/{id}/void", this::voidHold);
    }

    private void place(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.WALLET, Role.OPERATOR);
        String key = Requests.idempotencyKey(request, caller);
        PlaceHoldRequest place = LedgerJson.read(Requests.withIdempotencyKey(Json.body(request), key).toString(), PlaceHoldRequest.class);
        requireOwn(caller, place.account());
        WriteResponses.send(response, writer.submit("Holds:place", LedgerJson.writeString(place)), key);
    }

    private void capture(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.WALLET, Role.OPERATOR);
        String key = Requests.idempotencyKey(request, caller);
        String holdId = request.path().pathParameters().get("id");
        requireOwnHold(caller, holdId);
        var body = Requests.withIdempotencyKey(Json.body(request), key).put("holdId", holdId);
        CaptureHoldRequest capture = LedgerJson.read(body.toString(), CaptureHoldRequest.class);
        WriteResponses.send(response, writer.submit("Holds:capture", LedgerJson.writeString(capture)), key);
    }

    private void voidHold(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.WALLET, Role.OPERATOR);
        String key = Requests.idempotencyKey(request, caller);
        String holdId = request.path().pathParameters().get("id");
        requireOwnHold(caller, holdId);
        HoldRequest hold = LedgerJson.read(Json.MAPPER.createObjectNode().put("holdId", holdId).toString(), HoldRequest.class);
        WriteResponses.send(response, writer.submit("Holds:void", LedgerJson.writeString(hold)), key);
    }

    private static void requireOwn(Caller caller, String account) {
        if (!caller.has(Role.OPERATOR) && !caller.accounts().contains(account)) {
            throw ApiException.notFound("account " + account);
        }
    }

    private void requireOwnHold(Caller caller, String holdId) {
        if (caller.has(Role.OPERATOR)) {
            return;
        }
        String account = mirror.hold(holdId).first().map(row -> (String) row.get("accountId"))
                .orElseThrow(() -> ApiException.notFound("hold " + holdId));
        requireOwn(caller, account);
    }
}
