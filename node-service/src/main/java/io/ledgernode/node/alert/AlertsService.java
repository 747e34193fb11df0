package io.ledgernode.node.alert;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code GET /v1/alerts[?kind=&cursor=&limit=]}: compliance alerts, newest first. */
public final class AlertsService extends DomainService<AlertOperations> {

    public AlertsService(Requests requests, AlertOperations alerts) {
        super(requests, alerts);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.list(requests.caller(request), Requests.query(request, "kind"),
                Requests.query(request, "cursor"), Requests.query(request, "limit")));
    }
}
