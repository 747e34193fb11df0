package io.ledgernode.chaos.check;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.MirrorView;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.node.account.AccountAnswer;
import io.ledgernode.node.explorer.SupplyAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/** Reads the bank's balances from one peer (that peer alone, no failover) and from one org's mirror. */
final class Sources {

    private Sources() {
    }

    static Balances fromPeer(String peer, LedgerClient client, String asset, Set<String> accounts) {
        Map<String, Balances.Line> lines = new LinkedHashMap<>();
        for (String id : accounts) {
            AccountView view = LedgerJson.read(client.evaluate(Transactions.ACCOUNTS_GET, id), AccountView.class);
            lines.put(id, new Balances.Line(view.balance().minorUnits(), view.held().minorUnits()));
        }
        Supply supply = LedgerJson.read(client.evaluate(Transactions.ASSETS_SUPPLY, asset), Supply.class);
        return new Balances(peer, lines, supply.supply().minorUnits());
    }

    /** {@code jdbcUrl} like {@code jdbc:postgresql://127.0.0.1:25432/ledger?user=ledger_reader}. */
    static Balances fromMirror(String org, String jdbcUrl, String asset, Set<String> accounts) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        try (MirrorView view = MirrorView.open(dataSource)) {
            Map<String, Balances.Line> lines = new LinkedHashMap<>();
            for (String id : accounts) {
                Optional<Account> account = view.account(id);
                lines.put(id, account.map(a -> new Balances.Line(a.balance(), a.held())).orElse(new Balances.Line(-1, -1)));
            }
            long supply = view.assets(100_000).stream().filter(a -> a.code().equals(asset)).mapToLong(Asset::supply)
                    .findFirst().orElse(-1);
            return new Balances(org + " mirror", lines, supply);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The same, through the org's node ({@code GET /v1/accounts/{id}} and {@code GET /v1/supply}, which node-service
     * answers from that mirror), for a mirror this machine cannot reach directly. An account the node does not know
     * reads as -1, like an account missing from a mirror read directly.
     */
    static Balances fromApi(String org, URI rest, String token, String asset, Set<String> accounts) throws IOException {
        Map<String, Balances.Line> lines = new LinkedHashMap<>();
        for (String id : accounts) {
            Optional<AccountAnswer> account = get(rest, "/v1/accounts/" + id, token, AccountAnswer.class);
            lines.put(id, account.map(a -> new Balances.Line(Long.parseLong(a.balance()), Long.parseLong(a.held())))
                    .orElse(new Balances.Line(-1, -1)));
        }
        long supply = get(rest, "/v1/supply", token, SupplyAnswer.class).orElseThrow(
                () -> new IOException(org + "'s node answered no supply")).assets().stream().filter(a -> a.code().equals(asset))
                .mapToLong(a -> Long.parseLong(a.supply())).findFirst().orElse(-1);
        return new Balances(org + " mirror (through its node)", lines, supply);
    }

    /** The answer to a GET, empty on 404; anything else but 200 is an IOException naming the status. */
    private static <T> Optional<T> get(URI rest, String path, String token, Class<T> type) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(JSON.readValue(response.body(), type));
    }
}
