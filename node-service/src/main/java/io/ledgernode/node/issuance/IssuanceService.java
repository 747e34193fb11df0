package io.ledgernode.node.issuance;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/assets} {@code {"code","decimals"}} and {@code POST /v1/mint} {@code {"account","amount"}}. */
public final class IssuanceService implements HttpService {

    private final Requests requests;
    private final LedgerWriter writer;

    public IssuanceService(Requests requests, LedgerWriter writer) {
        this.requests = requests;
        this.writer = writer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/assets", this::register).post("/mint", this::mint);
    }

    private void register(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.ISSUER);
        String key = Requests.idempotencyKey(request, caller);
        RegisterAssetRequest asset = LedgerJson.read(Json.body(request).toString(), RegisterAssetRequest.class);
        WriteResponses.send(response, writer.submit("Assets:register", LedgerJson.writeString(asset)), key);
    }

    private void mint(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.ISSUER);
        String key = Requests.idempotencyKey(request, caller);
        MintRequest mint = LedgerJson.read(Requests.withIdempotencyKey(Json.body(request), key).toString(), MintRequest.class);
        WriteResponses.send(response, writer.submit("Money:mint", LedgerJson.writeString(mint)), key);
    }
}
