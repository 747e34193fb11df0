package io.ledgernode.node.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResponses;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/accounts}, {@code GET /v1/accounts/{id}}, {@code GET /v1/accounts/{id}/transactions}. An account
 * the caller may not see answers 404, exactly like one that does not exist: no existence leak.
 */
public final class AccountsService implements HttpService {

    private final Requests requests;
    private final MirrorReader mirror;
    private final LedgerWriter writer;
    private final Duration minBlockWaitMax;
    private final int pageSizeDefault;
    private final int pageSizeMax;

    public AccountsService(Requests requests, MirrorReader mirror, LedgerWriter writer, Duration minBlockWaitMax,
                           int pageSizeDefault, int pageSizeMax) {
        this.requests = requests;
        this.mirror = mirror;
        this.writer = writer;
        this.minBlockWaitMax = minBlockWaitMax;
        this.pageSizeDefault = pageSizeDefault;
        this.pageSizeMax = pageSizeMax;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::open)
                .get("/{id}", this::get)
                .get("/{id}/transactions", this::history);
    }

    private void open(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request, Role.OPERATOR);
        String key = Requests.idempotencyKey(request, caller);
        ObjectNode body = Json.body(request);
        // The chaincode's own request type validates every field, with its stable codes, before anything is sent.
        OpenAccountRequest open = LedgerJson.read(body.toString(), OpenAccountRequest.class);
        WriteResponses.send(response, writer.submit("Accounts:open", LedgerJson.writeString(open)), key);
    }

    private void get(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Requests.minBlock(request).ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        String id = request.path().pathParameters().get("id");
        List<MirrorReader.Rows> read = mirror.accountWithHolds(id, pageSizeMax);
        Map<String, Object> body = new LinkedHashMap<>(visible(caller, id, read.get(0)));
        body.put("holds", read.get(1).rows());
        body.put("mirrorHeight", read.get(0).mirrorHeight());
        Json.send(response, Status.OK_200, body);
    }

    private void history(ServerRequest request, ServerResponse response) throws Exception {
        Caller caller = requests.caller(request);
        Requests.minBlock(request).ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        String id = request.path().pathParameters().get("id");
        visibleAccount(caller, id);
        int limit = Requests.limit(request, pageSizeDefault, pageSizeMax);
        MirrorReader.Rows page = mirror.history(id, cursor(request), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.rows());
        body.put("nextCursor", page.rows().size() < limit ? null : cursorAfter(page.rows().get(page.rows().size() - 1)));
        body.put("mirrorHeight", page.mirrorHeight());
        Json.send(response, Status.OK_200, body);
    }

    private void visibleAccount(Caller caller, String id) {
        visible(caller, id, mirror.account(id));
    }

    /** The account's row if the caller may see it; a 404 exactly like a missing account otherwise. */
    private static Map<String, Object> visible(Caller caller, String id, MirrorReader.Rows account) {
        Optional<Map<String, Object>> row = account.first();
        if (row.isEmpty() || !caller.mayRead(id, (String) row.get().get("jurisdiction"))) {
            throw ApiException.notFound("account " + id);
        }
        return row.get();
    }

    private static Optional<long[]> cursor(ServerRequest request) {
        return request.query().first("cursor").map(text -> {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
                if (parts.length != 3) {
                    throw new IllegalArgumentException();
                }
                return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("cursor is not one this service gave out");
            }
        });
    }

    private static String cursorAfter(Map<String, Object> last) {
        List<Object> key = List.of(last.get("blockNumber"), last.get("txIndex"), last.get("entryIndex"));
        String text = key.get(0) + ":" + key.get(1) + ":" + key.get(2);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
