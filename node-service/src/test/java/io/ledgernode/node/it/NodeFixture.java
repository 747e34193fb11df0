package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.mirror.testing.RunningNode;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The node started by scripts/ledger up for the integration tests (its LEDGER_HOME is the system property
 * {@code ledger.it.home}): where its REST and gRPC APIs listen, tokens from its development issuer, and plain HTTP
 * calls. Every run has its own suffix so tests never meet each other's accounts or keys.
 */
final class NodeFixture {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String api;
    final String grpcAddress;
    final Path keys;
    final String run;

    private NodeFixture(String api, String grpcAddress, Path keys, String run) {
        this.api = api;
        this.grpcAddress = grpcAddress;
        this.keys = keys;
        this.run = run;
    }

    static NodeFixture locate() {
        Properties node = RunningNode.properties(RunningNode.home());
        String run = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
        return new NodeFixture(node.getProperty("api.url"), node.getProperty("api.grpcAddress"), Path.of(node.getProperty("auth.devDir")), run);
    }

    String token(Set<Role> roles, Set<String> accounts, Optional<String> jurisdiction) {
        return DevTokens.mint(keys, "ledger-node-dev", "ledger-node", "it-" + run, roles, accounts, jurisdiction,
                Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** A token of {@code role} alone, naming no account and no jurisdiction (an issuer's, an operator's). */
    String token(Role role) {
        return token(Set.of(role), Set.of(), Optional.empty());
    }

    /** A POST with an Idempotency-Key made unique to this run; a null body sends none (unfreeze and void take none). */
    HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key + "-" + run);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Registers {@code asset} (two decimals) and opens the accounts {@code ids} in it, in {@code jurisdiction}. */
    void openAccounts(String asset, String jurisdiction, String... ids) throws Exception {
        ok(post("/v1/assets", token(Role.ISSUER), "asset-" + asset, "{\"code\":\"" + asset + "\",\"decimals\":2}"));
        for (String id : ids) {
            ok(post("/v1/accounts", token(Role.OPERATOR), "open-" + id, "{\"id\":\"" + id + "\",\"asset\":\"" + asset
                    + "\",\"ownerRef\":\"cust-" + id + "\",\"jurisdiction\":\"" + jurisdiction + "\"}"));
        }
    }

    /** A transfer's JSON (or a batch's leg). */
    static String transfer(String from, String to, String asset, String amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"asset\":\"" + asset + "\",\"amount\":\"" + amount + "\"}";
    }

    /** The body of a 200 answer, as JSON; any other status fails the test, showing the body. */
    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }
}
