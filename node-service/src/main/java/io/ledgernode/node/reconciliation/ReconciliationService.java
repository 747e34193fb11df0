package io.ledgernode.node.reconciliation;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/**
 * {@code GET /v1/reconciliation/runs}, {@code GET /v1/reconciliation/runs/{id}} and
 * {@code GET /v1/reconciliation/runs/{id}/breaks}, each page with {@code limit} and {@code cursor}.
 */
public final class ReconciliationService extends DomainService<ReconciliationQueries> {

    public ReconciliationService(Requests requests, ReconciliationQueries reconciliation) {
        super(requests, reconciliation);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/runs", this::runs).get("/runs/{id}", this::run).get("/runs/{id}/breaks", this::breaks);
    }

    private void runs(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.runs(requests.caller(request), Requests.query(request, "limit"),
                Requests.query(request, "cursor")));
    }

    private void run(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.run(requests.caller(request), runId(request)));
    }

    private void breaks(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.breaks(requests.caller(request), runId(request),
                Requests.query(request, "limit"), Requests.query(request, "cursor")));
    }

    private static long runId(ServerRequest request) {
        return Requests.wholeNumber(request.path().pathParameters().get("id"))
                .orElseThrow(() -> ApiException.badRequest("a run id is a non-negative whole number"));
    }
}
