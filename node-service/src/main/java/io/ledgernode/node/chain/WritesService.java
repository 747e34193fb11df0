package io.ledgernode.node.chain;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Requests;

/** {@code GET /v1/writes/{idempotencyKey}}: the final outcome of a write the caller sent under that key. */
public final class WritesService extends DomainService<WriteStatusOperations> {

    public WritesService(Requests requests, WriteStatusOperations writes) {
        super(requests, writes);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{key}", this::status);
    }

    private void status(ServerRequest request, ServerResponse response) throws Exception {
        WriteResponses.send(response, domain.status(requests.caller(request), request.path().pathParameters().get("key")));
    }
}
