package io.ledgernode.node.transfer;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/transfers} and {@code POST /v1/transfers/batch}, each with an Idempotency-Key header. */
public final class TransfersService extends DomainService<TransferOperations> {

    public TransfersService(Requests requests, TransferOperations transfers) {
        super(requests, transfers);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::transfer).post("/batch", this::batch);
    }

    private void transfer(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, TransferRequest.class, domain::transfer);
    }

    private void batch(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(requests, request, response, TransferBatchRequest.class, domain::transferBatch);
    }
}
