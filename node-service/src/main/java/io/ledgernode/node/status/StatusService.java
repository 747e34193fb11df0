package io.ledgernode.node.status;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code GET /v1/node/status} (operators, auditors) and {@code GET /v1/consortium} (every signed-in caller). */
public final class StatusService extends DomainService<StatusQueries> {

    public StatusService(Requests requests, StatusQueries status) {
        super(requests, status);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/node/status", this::status).get("/consortium", this::consortium);
    }

    private void status(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.status(requests.caller(request)));
    }

    private void consortium(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.consortium(requests.caller(request)));
    }
}
