package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.node.NodeConfig;
import io.ledgernode.node.NodeService;
import io.ledgernode.node.auth.AuthConfig;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.node.testing.TestDataSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's rules without a socket or a network: who may call what, how bad input is refused (and that it never
 * reaches the chain), how each ledger outcome is answered. The chain is a scripted submitter; the mirror is
 * unreachable (reads answer 503), so only the rules are under test here. The same routes over real HTTP against
 * the real network and mirror are the integration tests' job.
 */
@RoutingTest
public class ApiRoutesTest {

    private static final String ISSUER = "ledger-node-dev";
    private static final String AUDIENCE = "ledger-node";
    private static final Path KEYS = tempDir();
    private static final List<String> SUBMITTED = new ArrayList<>();
    private static final Deque<SubmitOutcome> SCRIPT = new ArrayDeque<>();
    private static NodeService.Parts PARTS;

    private final DirectClient client;

    ApiRoutesTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        PARTS = parts(new NodeConfig.RateLimit(1, 50, 1, 1_000));
        NodeService.routing(routing, PARTS);
    }

    /** The node's parts with a scripted chain and an unreachable mirror; shared by the other route tests. */
    public static NodeService.Parts parts(NodeConfig.RateLimit rateLimit) {
        Path jwks = DevTokens.ensureKey(KEYS);
        AuthConfig auth = new AuthConfig(List.of(new AuthConfig.TrustedIssuer(ISSUER, Optional.of(jwks), Optional.empty())),
                AUDIENCE, Set.of("ES256"), Duration.ofSeconds(30), Duration.ofHours(1), new AuthConfig.TokenCache(1_000, Duration.ofMinutes(5)));
        NodeConfig config = new NodeConfig(KEYS, "Org1", "User1", "Admin", new NodeConfig.Mirror("jdbc:none", "r", "", 2),
                java.net.URI.create("http://127.0.0.1:1/health/ready"), Duration.ofMillis(100), 100, 20, 2,
                new io.ledgernode.node.grpc.AccountWatch.Settings(Duration.ofMillis(200), 8, 2), KEYS.resolve("reports"), new NodeConfig.Proof(Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
                Duration.ofMillis(100), 1, Duration.ofSeconds(1), 1024, java.util.Map.of()), rateLimit, auth,
                new NodeConfig.Gateway(io.ledgernode.gateway.GatewayTimeouts.defaults(), io.ledgernode.gateway.EndorseRetry.defaults(),
                        io.ledgernode.gateway.OrderRetry.defaults(), Duration.ofMillis(25), Duration.ofSeconds(1), Duration.ofSeconds(10)),
                new io.ledgernode.node.consolidation.ConsolidationConfig(false, Duration.ofSeconds(1), 64, 500, 10, 20, 10_000, 100_000),
                new io.ledgernode.node.chain.SenderPacker.Settings(50, 100),
                new io.ledgernode.node.hold.HoldExpiryConfig(false, Duration.ofSeconds(5), 200, 20), 2,
                new io.ledgernode.node.notification.NotificationDatabase.Settings("jdbc:none", "ledger_node", "", 1),
                new io.ledgernode.node.webhook.WebhookConfig(Duration.ofMillis(200), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1), 10, 5, false),
                new io.ledgernode.node.alert.AlertConfig(false, Duration.ofSeconds(1), 100, List.of(), 90, 3, Duration.ofHours(24)),
                new io.ledgernode.node.console.ConsoleConfig(true, Optional.of(KEYS), Duration.ofMinutes(10), Optional.empty()));
        LedgerWriter.Submitter chain = (transaction, argument) -> {
            SUBMITTED.add(transaction + " " + argument);
            return SCRIPT.isEmpty() ? new SubmitOutcome.Unavailable("tx", "nothing scripted") : SCRIPT.poll();
        };
        return NodeService.parts(config, chain, chain, (transaction, argument) -> {
            throw new io.ledgernode.gateway.LedgerClient.LedgerUnavailableException("no network in this test", null);
        }, new Mirror(TestDataSources.unreachable()), new io.ledgernode.node.proof.ProofQueries((txId, end) -> {
            throw new io.ledgernode.node.proof.ProofException(io.ledgernode.node.proof.ProofException.Reason.LEDGER_UNAVAILABLE, "no network in this test");
        }, block -> {
            throw new io.ledgernode.node.proof.ProofException(io.ledgernode.node.proof.ProofException.Reason.LEDGER_UNAVAILABLE, "no network in this test");
        }, new Mirror(TestDataSources.unreachable())), TestDataSources.unreachable(), new io.ledgernode.node.status.Consortium("ledger", "ledger", "Org1", java.util.List.of(), java.util.List.of()),
                () -> {
                    throw new IllegalStateException("no network in this test");
                });
    }

    @BeforeEach
    void clear() {
        SUBMITTED.clear();
        SCRIPT.clear();
    }

    @Test
    void a_request_without_a_token_is_401_with_a_json_error() {
        HttpClientResponse response = client.get("/v1/accounts/alice").request();

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(body.path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void a_token_signed_by_a_key_the_node_does_not_trust_is_401() throws IOException {
        Path other = Files.createTempDirectory("other-keys");
        String forged = DevTokens.mint(other, ISSUER, AUDIENCE, "mallory", Set.of(Role.AUDITOR), Set.of(), Optional.empty(),
                Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, "Bearer " + forged).request().status())
                .isEqualTo(Status.UNAUTHORIZED_401);
    }

    @Test
    void a_wallet_may_not_mint_and_nothing_reaches_the_chain() {
        HttpClientResponse response = post("/v1/mint", wallet("alice"), "k1", "{\"account\":\"alice\",\"amount\":\"100\"}");

        assertThat(response.status()).isEqualTo(Status.FORBIDDEN_403);
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void a_write_without_an_idempotency_key_is_400() {
        HttpClientResponse response = post("/v1/transfers", wallet("alice"), null, transfer("alice", "bob", "10"));

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(body.path("message").asText()).contains("Idempotency-Key");
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void malformed_json_and_unknown_fields_are_400_and_reach_no_chain() {
        assertThat(post("/v1/transfers", wallet("alice"), "k1", "{\"from\":").status()).isEqualTo(Status.BAD_REQUEST_400);
        HttpClientResponse unknown = post("/v1/transfers", wallet("alice"), "k2",
                "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(json(unknown).path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void zero_negative_fractional_and_oversized_amounts_are_400_invalid_amount() {
        for (String amount : List.of("0", "-5", "1.5", "99999999999999999999", "1e3")) {
            HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k-" + amount.hashCode(), transfer("alice", "bob", amount));
            assertThat(response.status()).as(amount).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(json(response).path("code").asText()).as(amount).isEqualTo(ErrorCode.INVALID_AMOUNT.name());
        }
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void a_wallet_moving_money_out_of_an_account_its_token_does_not_name_gets_404() {
        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", transfer("bob", "alice", "10"));

        assertThat(response.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void a_committed_transfer_answers_200_with_its_tx_id_block_and_outcome() {
        SCRIPT.add(new SubmitOutcome.Committed("tx-9", 42, "{\"txId\":\"tx-9\"}"));

        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", transfer("alice", "bob", "10"));

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(body.path("txId").asText()).isEqualTo("tx-9");
        assertThat(body.path("blockNumber").asLong()).isEqualTo(42);
        assertThat(body.path("validationCode").asText()).isEqualTo("VALID");
        assertThat(SUBMITTED).singleElement().asString().startsWith("Money:transfer ").contains(":k1\"");
    }

    @Test
    void every_write_sends_the_callers_key_to_the_chain_and_a_replay_answers_the_original_transaction() {
        String replay = io.ledgernode.api.LedgerJson.writeString(io.ledgernode.api.IdempotentReplay.of("tx-first", "{\"id\":\"erin\"}"));
        String operator = token("ops", Role.OPERATOR);
        SCRIPT.add(new SubmitOutcome.Rejected("tx-again", ErrorCode.REPLAYED, replay));

        HttpClientResponse response = post("/v1/accounts", operator, "open-erin",
                "{\"id\":\"erin\",\"asset\":\"USD\",\"ownerRef\":\"o-1\",\"jurisdiction\":\"DE\"}");

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(body.path("txId").asText()).isEqualTo("tx-first");
        assertThat(body.path("idempotencyKey").asText()).isEqualTo("open-erin");
        assertThat(body.path("result").path("id").asText()).isEqualTo("erin");
        // The mirror is unreachable here: the chain's answer stands, without its block.
        assertThat(body.path("blockNumber").isNull()).isTrue();
        assertThat(SUBMITTED).singleElement().asString().startsWith("Accounts:open ").contains(":open-erin\"");
    }

    @Test
    void accounts_open_in_bulk_limits_are_replaced_and_holds_released_each_under_the_callers_key() {
        String operator = token("ops", Role.OPERATOR);
        for (int i = 0; i < 4; i++) {
            SCRIPT.add(new SubmitOutcome.Committed("tx-" + i, 10 + i, "{}"));
        }

        assertThat(post("/v1/accounts/batch", operator, "bulk-1", "{\"accounts\":[{\"id\":\"f1\",\"asset\":\"USD\","
                + "\"ownerRef\":\"o-1\",\"jurisdiction\":\"DE\"},{\"id\":\"f2\",\"asset\":\"USD\",\"ownerRef\":\"o-2\","
                + "\"jurisdiction\":\"FR\"}]}").status()).isEqualTo(Status.OK_200);
        HttpClientResponse limits = client.put("/v1/accounts/alice/limits").header(HeaderNames.AUTHORIZATION, operator)
                .header(Requests.IDEMPOTENCY_KEY, "limits-1").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"perTransferMax\":\"5000\"}");
        assertThat(limits.status()).isEqualTo(Status.OK_200);
        assertThat(post("/v1/holds/h1/release", operator, "release-1", "").status()).isEqualTo(Status.OK_200);
        assertThat(post("/v1/holds/h2/void", operator, "void-1", "").status()).isEqualTo(Status.OK_200);

        assertThat(SUBMITTED).hasSize(4);
        assertThat(SUBMITTED.get(0)).startsWith("Accounts:openMany ").contains(":bulk-1\"").contains("\"f2\"");
        assertThat(SUBMITTED.get(1)).startsWith("Compliance:setLimits ").contains("\"account\":\"alice\"")
                .contains(":limits-1\"").contains("\"perTransferMax\":\"5000\"").contains("\"dailyDebitMax\":null");
        assertThat(SUBMITTED.get(2)).startsWith("Holds:release ").contains("\"holdId\":\"h1\"").contains(":release-1\"");
        assertThat(SUBMITTED.get(3)).startsWith("Holds:void ").contains(":void-1\"");
    }

    @Test
    void bulk_opening_and_limits_are_for_operators_and_limits_take_the_account_from_the_path_only() {
        assertThat(post("/v1/accounts/batch", wallet("alice"), "bulk-1", "{\"accounts\":[]}").status())
                .isEqualTo(Status.FORBIDDEN_403);
        String operator = token("ops", Role.OPERATOR);
        HttpClientResponse named = client.put("/v1/accounts/alice/limits").header(HeaderNames.AUTHORIZATION, operator)
                .header(Requests.IDEMPOTENCY_KEY, "limits-1").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"account\":\"bob\",\"perTransferMax\":\"5\"}");
        assertThat(named.status()).isEqualTo(Status.BAD_REQUEST_400);
        HttpClientResponse unkeyed = client.put("/v1/accounts/alice/limits").header(HeaderNames.AUTHORIZATION, operator)
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit("{}");
        assertThat(unkeyed.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(post("/v1/accounts/batch", operator, "bulk-2", "{\"accounts\":[{\"id\":\"f1\",\"asset\":\"USD\","
                + "\"ownerRef\":\"o-1\",\"jurisdiction\":\"DE\",\"idempotencyKey\":\"x\"}]}").status())
                .isEqualTo(Status.BAD_REQUEST_400);
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void a_statement_with_a_bad_period_or_format_is_400_and_a_good_one_asks_the_mirror() {
        for (String[] c : List.of(new String[] {"format", "xlsx"}, new String[] {"from", "yesterday"}, new String[] {"to", "2026-02-30"},
                new String[] {"from", "2026-11-01T00:00:00+01:00"})) {
            HttpClientResponse response = client.get("/v1/accounts/alice/statement").queryParam(c[0], c[1])
                    .header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
            assertThat(response.status()).as(String.join("=", c)).isEqualTo(Status.BAD_REQUEST_400);
        }
        HttpClientResponse asked = client.get("/v1/accounts/alice/statement").queryParam("format", "csv")
                .header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
        assertThat(json(asked).path("code").asText()).isEqualTo("MIRROR_UNAVAILABLE");
    }

    @Test
    void hold_reads_refuse_bad_ids_statuses_and_cursors_before_the_mirror_is_asked() {
        String auditor = token("audit", Role.AUDITOR);
        for (String[] c : List.of(new String[] {"/v1/holds/-h1", "minBlock", "1"}, new String[] {"/v1/accounts/-alice/holds", "limit", "1"},
                new String[] {"/v1/accounts/alice/holds", "status", "open"}, new String[] {"/v1/accounts/alice/holds", "status", "GONE"},
                new String[] {"/v1/accounts/alice/holds", "cursor", "!!!"}, new String[] {"/v1/accounts/alice/holds", "cursor", "x".repeat(200)},
                new String[] {"/v1/accounts/alice/holds", "cursor", cursor("-h")}, new String[] {"/v1/accounts/alice/holds", "limit", "0"})) {
            HttpClientResponse response = client.get(c[0]).queryParam(c[1], c[2]).header(HeaderNames.AUTHORIZATION, auditor).request();
            assertThat(response.status()).as(String.join(" ", c)).isEqualTo(Status.BAD_REQUEST_400);
        }
        // Well formed: the mirror is asked (unreachable here).
        assertThat(json(client.get("/v1/accounts/alice/holds").queryParam("status", "OPEN").header(HeaderNames.AUTHORIZATION, auditor)
                .request()).path("code").asText()).isEqualTo("MIRROR_UNAVAILABLE");
        assertThat(json(client.get("/v1/holds/h1").header(HeaderNames.AUTHORIZATION, auditor).request()).path("code").asText())
                .isEqualTo("MIRROR_UNAVAILABLE");
    }

    @Test
    void an_mvcc_conflict_is_resubmitted_under_the_same_key_and_the_caller_sees_one_outcome() {
        SCRIPT.add(new SubmitOutcome.Invalidated("tx-1", 7, TxValidationCode.MVCC_READ_CONFLICT));
        SCRIPT.add(new SubmitOutcome.Committed("tx-2", 8, "{}"));

        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", transfer("alice", "bob", "10"));

        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(json(response).path("txId").asText()).isEqualTo("tx-2");
        assertThat(SUBMITTED).hasSize(2);
        assertThat(SUBMITTED.get(0)).isEqualTo(SUBMITTED.get(1));
    }

    @Test
    void a_conflict_beyond_the_resubmissions_is_a_retryable_503_WRITE_CONFLICT_with_retry_after() {
        // Issue 16 item 2b: a lost race that still reaches the caller says "retry", as client libraries understand it.
        for (int i = 0; i < 3; i++) {
            SCRIPT.add(new SubmitOutcome.Invalidated("tx-" + i, 7 + i, TxValidationCode.MVCC_READ_CONFLICT));
        }

        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", transfer("alice", "bob", "10"));

        assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
        assertThat(json(response).path("code").asText()).isEqualTo("WRITE_CONFLICT");
        assertThat(response.headers().first(io.helidon.http.HeaderNames.RETRY_AFTER)).isPresent();
        assertThat(SUBMITTED).hasSize(3);
    }

    @Test
    void an_unknown_commit_status_is_202_pending_with_the_tx_id_and_key() {
        SCRIPT.add(new SubmitOutcome.Unknown("tx-5", "deadline exceeded"));

        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", transfer("alice", "bob", "10"));

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.ACCEPTED_202);
        assertThat(body.path("status").asText()).isEqualTo("PENDING");
        assertThat(body.path("txId").asText()).isEqualTo("tx-5");
    }

    @Test
    void a_chaincode_rejection_keeps_its_stable_code() {
        SCRIPT.add(new SubmitOutcome.Rejected("tx-3", ErrorCode.INSUFFICIENT_FUNDS, "account alice has 5, needs 10"));

        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", transfer("alice", "bob", "10"));

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.UNPROCESSABLE_CONTENT_422);
        assertThat(body.path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(body.path("message").asText()).isEqualTo("account alice has 5, needs 10");
    }

    @Test
    void reads_answer_503_not_500_while_the_mirror_is_unreachable() {
        HttpClientResponse response = client.get("/v1/accounts/alice").header(HeaderNames.AUTHORIZATION, wallet("alice")).request();

        JsonNode body = json(response);
        assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
        assertThat(body.path("code").asText()).isEqualTo("MIRROR_UNAVAILABLE");
    }

    @Test
    void a_caller_over_its_rate_limit_gets_429_with_retry_after_and_others_are_unaffected() {
        String flooder = "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "flooder", Set.of(Role.AUDITOR), Set.of(),
                Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());
        HttpClientResponse last = null;
        for (int i = 0; i < 60; i++) {
            last = client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, flooder).request();
            if (last.status().equals(Status.TOO_MANY_REQUESTS_429)) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);
        assertThat(last.headers().first(HeaderNames.RETRY_AFTER)).isPresent();
        assertThat(client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE,
                "calm", Set.of(Role.AUDITOR), Set.of(), Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC())).request().status())
                .isEqualTo(Status.SERVICE_UNAVAILABLE_503);
    }

    @Test
    void every_answer_carries_a_request_id_and_a_sane_one_from_the_caller_is_kept() {
        assertThat(client.get("/health/live").request().headers().first(AccessLog.REQUEST_ID)).isPresent();
        assertThat(client.get("/health/live").header(AccessLog.REQUEST_ID, "req-12345678").request().headers().first(AccessLog.REQUEST_ID))
                .contains("req-12345678");
    }

    @Test
    void a_wallet_placing_a_hold_on_an_account_its_token_does_not_name_gets_404() {
        HttpClientResponse response = post("/v1/holds", wallet("alice"), "k1",
                "{\"holdId\":\"h1\",\"account\":\"bob\",\"amount\":\"5\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}");

        assertThat(response.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void the_served_openapi_document_documents_every_route_and_only_routes_that_exist() {
        HttpClientResponse response = client.get("/openapi").request();
        var document = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(response.as(String.class), null, null).getOpenAPI();
        Set<String> documented = new java.util.TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + template(path))));

        Set<String> served = new java.util.TreeSet<>();
        RouteTable.of(NodeService.mounts(PARTS)).routes().forEach(route -> served.add(route.method().text() + " " + template(route.path())));

        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(documented).isEqualTo(served);
    }

    /** A path template with its parameters unnamed: the document and the routes may name them differently. */
    private static String template(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void a_regulator_lists_and_downloads_only_its_jurisdiction_s_reports_and_an_auditor_sees_all() throws IOException {
        publishedReport("DE", "2026-11-22-b7");
        publishedReport("FR", "2026-11-22-b7");
        String regulator = "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "bafin", Set.of(Role.REGULATOR), Set.of(),
                Optional.of("DE"), Duration.ofMinutes(5), Clock.systemUTC());
        String auditor = "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "audit", Set.of(Role.AUDITOR), Set.of(),
                Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());

        JsonNode seen = json(client.get("/v1/reports").header(HeaderNames.AUTHORIZATION, regulator).request());
        assertThat(seen.path("reports").findValuesAsText("jurisdiction")).containsExactly("DE");
        assertThat(json(client.get("/v1/reports").header(HeaderNames.AUTHORIZATION, auditor).request())
                .path("reports").findValuesAsText("jurisdiction")).contains("DE", "FR").doesNotContain("US");

        HttpClientResponse own = client.get("/v1/reports/DE/daily-transactions/2026-11-22-b7/manifest.json")
                .header(HeaderNames.AUTHORIZATION, regulator).request();
        assertThat(own.status()).isEqualTo(Status.OK_200);
        assertThat(own.as(String.class)).isEqualTo("{\"jurisdiction\":\"DE\"}");
        assertThat(client.get("/v1/reports/FR/daily-transactions/2026-11-22-b7/manifest.json")
                .header(HeaderNames.AUTHORIZATION, regulator).request().status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(client.get("/v1/reports/DE/daily-transactions/2026-11-22-b7/..%2F..%2FFR")
                .header(HeaderNames.AUTHORIZATION, regulator).request().status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(client.get("/v1/reports").header(HeaderNames.AUTHORIZATION, wallet("alice")).request().status())
                .isEqualTo(Status.FORBIDDEN_403);
    }

    /** Issue "The node holds under hostile input": a regulator token naming "ALL" listed the auditors-only reports. */
    @Test
    void the_consolidated_reports_are_for_auditors_and_no_regulator_token_can_name_them() throws IOException {
        publishedReport("ALL", "run-3-b9");
        String regulator = "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "bafin", Set.of(Role.REGULATOR), Set.of(),
                Optional.of("DE"), Duration.ofMinutes(5), Clock.systemUTC());
        String auditor = "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "audit", Set.of(Role.AUDITOR), Set.of(),
                Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(json(client.get("/v1/reports").header(HeaderNames.AUTHORIZATION, regulator).request())
                .path("reports").findValuesAsText("jurisdiction")).doesNotContain("ALL");
        assertThat(client.get("/v1/reports/ALL/daily-transactions/run-3-b9/manifest.json")
                .header(HeaderNames.AUTHORIZATION, regulator).request().status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(json(client.get("/v1/reports").header(HeaderNames.AUTHORIZATION, auditor).request())
                .path("reports").findValuesAsText("jurisdiction")).contains("ALL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DevTokens.mint(KEYS, ISSUER, AUDIENCE, "x",
                Set.of(Role.REGULATOR), Set.of(), Optional.of("ALL"), Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_path_a_trailing_slash_a_wrong_case_and_a_traversal_probe_are_404_with_a_json_error() {
        for (String path : List.of("/v1/nothing", "/v1/accounts/alice/", "/V1/supply", "/v1/Supply", "/v1/reports/..%2f..%2fetc/passwd",
                "/v1/accounts/alice/transactions/more")) {
            HttpClientResponse response = client.get(path).header(HeaderNames.AUTHORIZATION, wallet("alice")).request();

            assertThat(response.status()).as(path).isEqualTo(Status.NOT_FOUND_404);
            assertThat(json(response).path("code").asText()).as(path).isEqualTo("NOT_FOUND");
        }
        String auditor = "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "audit", Set.of(Role.AUDITOR), Set.of(),
                Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());
        HttpClientResponse dots = client.get("/v1/reports/%2e%2e/%2e%2e/etc/passwd").header(HeaderNames.AUTHORIZATION, auditor).request();
        assertThat(dots.status().code()).isIn(400, 404);
    }

    @Test
    void a_known_path_with_another_method_is_405_naming_the_allowed_methods() {
        HttpClientResponse get = client.get("/v1/transfers").header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
        HttpClientResponse delete = client.delete("/v1/accounts/alice").header(HeaderNames.AUTHORIZATION, wallet("alice")).request();

        assertThat(get.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        assertThat(get.headers().first(HeaderNames.ALLOW)).contains("POST");
        assertThat(json(get).path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(delete.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        assertThat(delete.headers().first(HeaderNames.ALLOW)).contains("GET");
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void a_body_that_is_not_declared_application_json_is_415_and_reaches_no_chain() {
        byte[] body = transfer("alice", "bob", "10").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1")) {
            HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", type, body);

            assertThat(response.status()).as(type).isEqualTo(Status.UNSUPPORTED_MEDIA_TYPE_415);
            assertThat(json(response).path("code").asText()).as(type).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(post("/v1/transfers", wallet("alice"), "k1", null, body).status()).isEqualTo(Status.UNSUPPORTED_MEDIA_TYPE_415);
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void application_json_with_or_without_a_utf_8_charset_is_taken() {
        SCRIPT.add(new SubmitOutcome.Committed("tx-1", 1, "{}"));
        SCRIPT.add(new SubmitOutcome.Committed("tx-2", 2, "{}"));
        byte[] body = transfer("alice", "bob", "10").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(post("/v1/transfers", wallet("alice"), "k1", "application/json", body).status()).isEqualTo(Status.OK_200);
        assertThat(post("/v1/transfers", wallet("alice"), "k2", "application/json; charset=UTF-8", body).status()).isEqualTo(Status.OK_200);
    }

    @Test
    void json_behind_a_byte_order_mark_is_400_bad_request() {
        byte[] json = transfer("alice", "bob", "10").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        HttpClientResponse response = post("/v1/transfers", wallet("alice"), "k1", "application/json", body);

        assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(json(response).path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void freeze_refuses_unknown_fields_and_unfreeze_refuses_any_body() {
        String operator = token("ops", Role.OPERATOR);

        HttpClientResponse freeze = post("/v1/accounts/alice/freeze", operator, "k1", "{\"reason\":\"court order\",\"until\":\"never\"}");
        HttpClientResponse unfreeze = post("/v1/accounts/alice/unfreeze", operator, "k2", "{\"reason\":\"cleared\"}");

        assertThat(freeze.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(json(freeze).path("message").asText()).contains("until");
        assertThat(unfreeze.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(json(unfreeze).path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void no_refusal_of_a_wrongly_typed_body_names_a_java_or_jackson_class() {
        String issuer = token("iss", Role.ISSUER);
        String operator = token("ops", Role.OPERATOR);
        List<String[]> cases = List.of(
                new String[] {"/v1/assets", issuer, "{\"code\":\"EUR\",\"decimals\":\"two\"}"},
                new String[] {"/v1/assets", issuer, "{\"code\":7,\"decimals\":2}"},
                new String[] {"/v1/assets", issuer, "{\"code\":\"EUR\",\"decimals\":1.5}"},
                new String[] {"/v1/mint", issuer, "{\"account\":[\"alice\"],\"amount\":\"5\"}"},
                new String[] {"/v1/mint", issuer, "{\"account\":\"alice\",\"amount\":5}"},
                new String[] {"/v1/burn", issuer, "{\"account\":\"alice\",\"amount\":{}}"},
                new String[] {"/v1/transfers", operator, "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":true}"},
                new String[] {"/v1/transfers/batch", operator, "{\"legs\":\"all\"}"},
                new String[] {"/v1/transfers/batch", operator, "{\"legs\":[1,2]}"},
                new String[] {"/v1/holds", operator, "{\"holdId\":\"h1\",\"account\":\"a\",\"amount\":\"5\",\"expiresAt\":5}"},
                new String[] {"/v1/holds", operator, "{\"holdId\":\"h1\",\"account\":\"a\",\"amount\":\"5\",\"expiresAt\":\"soon\"}"},
                new String[] {"/v1/holds/h1/capture", operator, "{\"to\":\"bob\",\"amount\":[]}"},
                new String[] {"/v1/accounts", operator, "{\"id\":\"a\",\"asset\":\"USD\",\"ownerRef\":1,\"jurisdiction\":\"DE\"}"},
                new String[] {"/v1/accounts/alice/freeze", operator, "{\"reason\":42}"},
                new String[] {"/v1/transfers", operator, "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":" + "9".repeat(100) + "}"},
                new String[] {"/v1/transfers", operator, "{\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\",\"reference\":\"" + "r".repeat(5_000) + "\"}"},
                new String[] {"/v1/transfers", operator, "{\"from\":" + "[".repeat(40) + "]".repeat(40) + "}"},
                new String[] {"/v1/transfers", operator, "{\"from\":\"alice\",\"from\":\"bob\"}"},
                new String[] {"/v1/transfers", operator, "{\"from\":tru}"},
                new String[] {"/v1/transfers", operator, "{\"from\":"},
                new String[] {"/v1/transfers", operator, "[]"});
        for (String[] c : cases) {
            HttpClientResponse response = post(c[0], c[1], "k-" + Math.abs(c[2].hashCode()), c[2]);
            String message = json(response).path("message").asText();

            assertThat(response.status()).as(c[2]).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(message).as(c[2]).isNotBlank().doesNotContain("exceeds the maximum allowed").doesNotContainIgnoringCase("java.").doesNotContainIgnoringCase("jackson")
                    .doesNotContain("`").doesNotContain("Cannot deserialize");
        }
        assertThat(SUBMITTED).isEmpty();
    }

    @Test
    void negative_and_malformed_cursors_are_400_before_the_mirror_is_asked() {
        String auditor = token("audit", Role.AUDITOR);
        for (String cursor : List.of(cursor("-1:0:0"), cursor("1:2"), cursor("1:2:3:4"), cursor("a:b:c"), "!!!", "x".repeat(500))) {
            HttpClientResponse history = client.get("/v1/accounts/alice/transactions").queryParam("cursor", cursor)
                    .header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
            assertThat(history.status()).as(cursor).isEqualTo(Status.BAD_REQUEST_400);
        }
        for (String cursor : List.of("-1", "1.5", "x", "99999999999999999999")) {
            HttpClientResponse runs = client.get("/v1/reconciliation/runs").queryParam("cursor", cursor)
                    .header(HeaderNames.AUTHORIZATION, auditor).request();
            assertThat(runs.status()).as(cursor).isEqualTo(Status.BAD_REQUEST_400);
        }
        assertThat(client.get("/v1/reconciliation/runs/-1").header(HeaderNames.AUTHORIZATION, auditor).request().status())
                .isEqualTo(Status.BAD_REQUEST_400);
    }

    @Test
    void query_parameters_are_read_present_or_absent_and_bad_ones_are_400_before_the_mirror_is_asked() {
        String auditor = token("audit", Role.AUDITOR);
        for (String minBlock : List.of("x", "-1", "", "99999999999999999999")) {
            HttpClientResponse account = client.get("/v1/accounts/alice").queryParam("minBlock", minBlock)
                    .header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
            assertThat(account.status()).as("minBlock=" + minBlock).isEqualTo(Status.BAD_REQUEST_400);
        }
        for (String limit : List.of("0", "101", "ten")) {
            HttpClientResponse history = client.get("/v1/accounts/alice/transactions").queryParam("limit", limit)
                    .header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
            assertThat(history.status()).as("limit=" + limit).isEqualTo(Status.BAD_REQUEST_400);
        }
        assertThat(client.get("/v1/proofs/tx1").queryParam("endBlock", "-1").header(HeaderNames.AUTHORIZATION, auditor)
                .request().status()).isEqualTo(Status.BAD_REQUEST_400);
        // A well-formed minBlock is waited for (the mirror here is unreachable: 503), one absent is not asked about.
        HttpClientResponse waited = client.get("/v1/accounts/alice").queryParam("minBlock", "5")
                .header(HeaderNames.AUTHORIZATION, wallet("alice")).request();
        assertThat(json(waited).path("code").asText()).isEqualTo("MIRROR_UNAVAILABLE");
    }

    @Test
    void ids_outside_the_chaincode_s_rules_are_400_before_any_lookup_and_never_echoed_at_length() {
        String auditor = token("audit", Role.AUDITOR);
        String longId = "a".repeat(2_000);
        List<String[]> cases = List.of(
                new String[] {"/v1/accounts/" + "a".repeat(65), wallet("alice")},
                new String[] {"/v1/accounts/" + longId + "/transactions", wallet("alice")},
                new String[] {"/v1/accounts/-alice", wallet("alice")},
                new String[] {"/v1/transactions/tx%20id", auditor},
                new String[] {"/v1/transactions/" + "t".repeat(129), auditor},
                new String[] {"/v1/proofs/" + longId, auditor});
        for (String[] c : cases) {
            HttpClientResponse response = client.get(c[0]).header(HeaderNames.AUTHORIZATION, c[1]).request();
            JsonNode body = json(response);
            String message = body.path("message").asText();

            assertThat(response.status()).as(c[0]).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(body.path("code").asText()).as(c[0]).isEqualTo("INVALID_ARGUMENT");
            assertThat(message.length()).as(c[0]).isLessThan(140);
            assertThat(message).as(c[0]).doesNotContain("\u0000");
        }
        HttpClientResponse capture = post("/v1/holds/h%00/capture", wallet("alice"), "k1", "{\"to\":\"bob\",\"amount\":\"1\"}");
        assertThat(capture.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(SUBMITTED).isEmpty();
    }

    /** A published report's shape on disk: its directory with a manifest and the signature that makes it visible. */
    private static void publishedReport(String jurisdiction, String name) throws IOException {
        Path directory = Files.createDirectories(KEYS.resolve("reports").resolve(jurisdiction).resolve("daily-transactions").resolve(name));
        Files.writeString(directory.resolve("manifest.json"), "{\"jurisdiction\":\"" + jurisdiction + "\"}");
        Files.writeString(directory.resolve("manifest.json.p7s"), "signature");
    }

    private HttpClientResponse post(String path, String authorization, String key, String body) {
        return post(path, authorization, key, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpClientResponse post(String path, String authorization, String key, String contentType, byte[] body) {
        var request = client.post(path).header(HeaderNames.AUTHORIZATION, authorization);
        if (key != null) {
            request.header(Requests.IDEMPOTENCY_KEY, key);
        }
        if (contentType != null) {
            request.header(HeaderNames.CONTENT_TYPE, contentType);
        }
        return request.submit(body);
    }

    static String token(String subject, Role role) {
        return "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, subject, Set.of(role), Set.of(), Optional.empty(),
                Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static String cursor(String position) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A regulator's token for {@code jurisdiction}, as an Authorization header value. */
    public static String regulator(String jurisdiction) {
        return "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "regulator-" + jurisdiction, Set.of(Role.REGULATOR), Set.of(),
                Optional.of(jurisdiction), Duration.ofMinutes(5), Clock.systemUTC());
    }

    static String wallet(String account) {
        return "Bearer " + DevTokens.mint(KEYS, ISSUER, AUDIENCE, "user-" + account, Set.of(Role.WALLET), Set.of(account),
                Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static String transfer(String from, String to, String amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"asset\":\"USD\",\"amount\":\"" + amount + "\"}";
    }

    private static JsonNode json(HttpClientResponse response) {
        try {
            return Json.MAPPER.readTree(response.as(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("node-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
