package io.ledgernode.node.issuance;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/assets} {@code {"code","decimals"}}, {@code POST /v1/mint} and {@code POST /v1/burn}
 * {@code {"account","amount"}}.
 */
public final class IssuanceService implements HttpService {

    private final Requests requests;
    private final IssuanceOperations issuance;

    public IssuanceService(Requests requests, IssuanceOperations issuance) {
        this.requests = requests;
        this.issuance = issuance;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/assets", this::register).post("/mint", this::mint).post("/burn", this::burn);
    }

    private void register(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, issuance.register(caller, Requests.idempotencyKeyHeader(request),
                key -> body.as(RegisterAssetRequest.class)));
    }

    private void mint(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, issuance.mint(caller, Requests.idempotencyKeyHeader(request),
                key -> body.as(MintRequest.class, Json.idempotencyKey(key))));
    }

    private void burn(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, issuance.burn(caller, Requests.idempotencyKeyHeader(request),
                key -> body.as(BurnRequest.class, Json.idempotencyKey(key))));
    }
}
