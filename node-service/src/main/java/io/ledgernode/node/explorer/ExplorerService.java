package io.ledgernode.node.explorer;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.DomainService;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code GET /v1/transactions/{txId}}, {@code GET /v1/blocks/{number}} and {@code GET /v1/supply}. */
public final class ExplorerService extends DomainService<ExplorerQueries> {

    public ExplorerService(Requests requests, ExplorerQueries explorer) {
        super(requests, explorer);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/transactions/{txId}", this::transaction)
                .get("/blocks", this::blocks)
                .get("/blocks/{number}", this::block)
                .get("/supply", this::supply);
    }

    private void transaction(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Json.send(response, Status.OK_200, domain.transaction(caller, request.path().pathParameters().get("txId"), Requests.minBlock(request)));
    }

    private void block(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        long number;
        try {
            number = Long.parseLong(request.path().pathParameters().get("number"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("a block number is a non-negative whole number");
        }
        Json.send(response, Status.OK_200, domain.block(caller, number));
    }

    private void blocks(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        OptionalLong before = OptionalLong.empty();
        Optional<String> text = Requests.query(request, "before");
        if (text.isPresent()) {
            before = OptionalLong.of(Requests.wholeNumber(text.get())
                    .orElseThrow(() -> ApiException.badRequest("before is a block number: a non-negative whole number")));
        }
        Json.send(response, Status.OK_200, domain.blocks(caller, before, Requests.query(request, "limit")));
    }

    private void supply(ServerRequest request, ServerResponse response) throws Exception {
        Json.send(response, Status.OK_200, domain.supply(requests.caller(request)));
    }
}
