package io.ledgernode.node.transfer;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/transfers} and {@code POST /v1/transfers/batch}, each with an Idempotency-Key header. */
public final class TransfersService implements HttpService {

    private final Requests requests;
    private final TransferOperations transfers;

    public TransfersService(Requests requests, TransferOperations transfers) {
        this.requests = requests;
        this.transfers = transfers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::transfer).post("/batch", this::batch);
    }

    private void transfer(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, transfers.transfer(caller, Requests.idempotencyKeyHeader(request),
                key -> body.as(TransferRequest.class, Json.idempotencyKey(key))));
    }

    private void batch(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.Body body = Json.body(request);
        WriteResponses.send(response, transfers.transferBatch(caller, Requests.idempotencyKeyHeader(request),
                key -> body.as(TransferBatchRequest.class, Json.idempotencyKey(key))));
    }
}
