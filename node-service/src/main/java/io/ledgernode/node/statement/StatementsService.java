package io.ledgernode.node.statement;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Requests;

/** {@code GET /v1/accounts/{id}/statement?from=&to=&format=json|csv|pdf}. */
public final class StatementsService extends DomainService<StatementOperations> {

    public StatementsService(Requests requests, StatementOperations statements) {
        super(requests, statements);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/statement", this::statement);
    }

    private void statement(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        domain.write(caller, request.path().pathParameters().get("id"), Requests.query(request, "from"), Requests.query(request, "to"),
                Requests.query(request, "format"), (format, fileName) -> {
                    response.status(Status.OK_200);
                    response.header(HeaderNames.CONTENT_TYPE, format.contentType());
                    // The file name is the account id (the chaincode's characters only) and two dates: nothing to escape.
                    response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
                    response.header(HeaderNames.CACHE_CONTROL, "no-store");
                    return response.outputStream();
                });
    }
}
