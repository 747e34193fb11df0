package io.ledgernode.node.transfer;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;

/** {@code POST /v1/transfers}: {@code {"from","to","asset","amount","reference"?}} with an Idempotency-Key header. */
public final class TransfersService implements HttpService {

    private final Requests requests;
    private final LedgerWriter writer;

    public TransfersService(Requests requests, LedgerWriter writer) {
        this.requests = requests;
        this.writer = writer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::transfer);
    }

    private void transfer(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.WALLET, Role.OPERATOR);
        String key = Requests.idempotencyKey(request, caller);
        TransferRequest transfer = LedgerJson.read(Requests.withIdempotencyKey(Json.body(request), key).toString(), TransferRequest.class);
        if (!caller.has(Role.OPERATOR) && !caller.accounts().contains(transfer.leg().from())) {
            // A wallet may move money only out of the accounts its token names; any other is as if it did not exist.
            throw ApiException.notFound("account " + transfer.leg().from());
        }
        WriteResponses.send(response, writer.submit("Money:transfer", LedgerJson.writeString(transfer)), key);
    }
}
