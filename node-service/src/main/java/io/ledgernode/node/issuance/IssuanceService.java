package io.ledgernode.node.issuance;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code POST /v1/assets} {@code {"code","decimals"}}, {@code POST /v1/mint} and {@code POST /v1/burn}
 * {@code {"account","amount"}}.
 */
public final class IssuanceService extends DomainService<IssuanceOperations> {

    public IssuanceService(Requests requests, IssuanceOperations issuance) {
        super(requests, issuance);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/assets", this::register).post("/mint", this::mint).post("/burn", this::burn);
    }

    private void register(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, (caller, idempotencyKey, body) -> domain.register(caller, idempotencyKey,
                key -> body.as(RegisterAssetRequest.class, Json.idempotencyKey(key))));
    }

    private void mint(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, MintRequest.class, domain::mint);
    }

    private void burn(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, BurnRequest.class, domain::burn);
    }
}
