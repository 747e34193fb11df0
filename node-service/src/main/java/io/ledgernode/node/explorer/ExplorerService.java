package io.ledgernode.node.explorer;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/transactions/{txId}} (a wallet or regulator sees only transactions touching accounts it may read),
 * {@code GET /v1/blocks/{number}} and {@code GET /v1/supply} (not for wallets).
 */
public final class ExplorerService implements HttpService {

    private final Requests requests;
    private final MirrorReader mirror;
    private final Duration minBlockWaitMax;

    public ExplorerService(Requests requests, MirrorReader mirror, Duration minBlockWaitMax) {
        this.requests = requests;
        this.mirror = mirror;
        this.minBlockWaitMax = minBlockWaitMax;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/transactions/{txId}", this::transaction)
                .get("/blocks/{number}", this::block)
                .get("/supply", this::supply);
    }

    private void transaction(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Requests.minBlock(request).ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        String txId = request.path().pathParameters().get("txId");
        MirrorReader.Rows tx = mirror.transaction(txId);
        List<Map<String, Object>> entries = mirror.entriesOf(txId).rows();
        boolean seesAll = caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR) || caller.has(Role.ISSUER);
        boolean touchesVisible = entries.stream().anyMatch(e -> caller.mayRead((String) e.get("accountId"), (String) e.get("jurisdiction")));
        if (tx.rows().isEmpty() || !(seesAll || touchesVisible)) {
            throw ApiException.notFound("transaction " + txId);
        }
        Map<String, Object> body = new LinkedHashMap<>(tx.rows().get(tx.rows().size() - 1));
        body.put("entries", entries);
        body.put("mirrorHeight", tx.mirrorHeight());
        Json.send(response, Status.OK_200, body);
    }

    private void block(ServerRequest request, ServerResponse response) throws Exception {
        requests.caller(request, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        long number;
        try {
            number = Long.parseLong(request.path().pathParameters().get("number"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("a block number is a non-negative whole number");
        }
        MirrorReader.Rows block = mirror.block(number);
        Map<String, Object> body = new LinkedHashMap<>(block.first().orElseThrow(() -> ApiException.notFound("block " + number)));
        body.put("transactions", mirror.blockTransactions(number).rows());
        body.put("mirrorHeight", block.mirrorHeight());
        Json.send(response, Status.OK_200, body);
    }

    private void supply(ServerRequest request, ServerResponse response) throws Exception {
        requests.caller(request, Role.AUDITOR, Role.REGULATOR, Role.OPERATOR, Role.ISSUER);
        MirrorReader.Rows supply = mirror.supply();
        Json.send(response, Status.OK_200, Map.of("assets", supply.rows(), "mirrorHeight", supply.mirrorHeight()));
    }
}
