package io.ledgernode.node.it;

import static io.ledgernode.node.it.NodeFixture.ok;
import static io.ledgernode.node.it.NodeFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.ledgernode.mirror.testing.RunningNode;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks and alerts against the node started by scripts/ledger up: a receiver that is down while node-service is
 * killed (SIGKILL) and restarted by its supervisor gets, once it is back, every entry of the subscription, in chain
 * order, each signed with the subscription's secret, none missing; large values and payments to frozen accounts
 * become alerts.
 */
class WebhooksIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Received(String id, String timestamp, String signature, String body) {
    }

    private static NodeFixture node;
    private static HttpServer receiver;
    private static volatile boolean down;
    private static final List<Received> RECEIVED = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        node = NodeFixture.locate();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = down ? 503 : 200;
            if (!down) {
                RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void a_receiver_down_while_node_service_is_killed_gets_every_entry_in_order_signed_once_it_is_back() throws Exception {
        String asset = "K" + node.run;
        String payer = "wh-a-" + node.run;
        String payee = "wh-b-" + node.run;
        node.openAccounts(asset, "FR", payer, payee);
        String issuer = node.token(Role.ISSUER);
        String operator = node.token(Role.OPERATOR);
        ok(node.post("/v1/mint", issuer, "mint-wh", "{\"account\":\"" + payer + "\",\"amount\":\"100000\"}"));
        String wallet = node.token(Set.of(Role.WALLET), Set.of(payer), Optional.empty());
        HttpResponse<String> created = node.post("/v1/subscriptions", wallet, "sub-wh", "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\",\"eventKinds\":[\"DEBIT\",\"CREDIT\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode subscription = Json.MAPPER.readTree(created.body());
        String id = subscription.path("id").asText();
        String secret = subscription.path("secret").asText();
        // The same key again: the same subscription, its secret not shown again.
        JsonNode again = ok(node.post("/v1/subscriptions", wallet, "sub-wh", "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\",\"eventKinds\":[\"DEBIT\",\"CREDIT\"]}"));
        assertThat(again.path("id").asText()).isEqualTo(id);
        assertThat(again.path("secret").isNull()).isTrue();

        down = true;
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sent.add(ok(node.post("/v1/transfers", operator, "wh-t" + i, transfer(payer, payee, asset, Integer.toString(i)))).path("txId").asText());
        }
        awaitFailure(wallet, id);
        killNodeService();
        awaitNodeBack();
        for (int i = 4; i <= 5; i++) {
            sent.add(ok(node.post("/v1/transfers", operator, "wh-t" + i, transfer(payer, payee, asset, Integer.toString(i)))).path("txId").asText());
        }
        down = false;
        // The receiver is back: resuming asks for delivery now rather than after the back-off.
        ok(node.post("/v1/subscriptions/" + id + "/pause", wallet, "p", null));
        ok(node.post("/v1/subscriptions/" + id + "/resume", wallet, "r", null));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (distinctIds().size() < 5 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        List<Received> firsts = firsts();
        assertThat(firsts).extracting(r -> data(r).path("txId").asText()).containsExactlyElementsOf(sent);
        assertThat(firsts).extracting(r -> data(r).path("kind").asText()).containsOnly("DEBIT");
        assertThat(firsts).extracting(r -> data(r).path("counterparty").asText()).containsOnly(payee);
        synchronized (RECEIVED) {
            for (Received r : RECEIVED) {
                assertThat(r.signature()).as(r.id()).isEqualTo(sign(secret, r.id(), r.timestamp(), r.body()));
            }
        }
        JsonNode state = ok(node.get("/v1/subscriptions/" + id, wallet));
        assertThat(state.path("delivered").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(state.path("failingSince").isNull()).isTrue();
    }

    @Test
    void a_large_transfer_and_a_payment_to_a_frozen_account_become_alerts_for_auditors() throws Exception {
        String asset = "L" + node.run;
        String payer = "al-a-" + node.run;
        String payee = "al-b-" + node.run;
        node.openAccounts(asset, "FR", payer, payee);
        String operator = node.token(Role.OPERATOR);
        ok(node.post("/v1/mint", node.token(Role.ISSUER), "mint-al", "{\"account\":\"" + payer + "\",\"amount\":\"5000000\"}"));
        // The default threshold is 1,000,000 minor units of any asset in any jurisdiction.
        String large = ok(node.post("/v1/transfers", operator, "al-big", transfer(payer, payee, asset, "1000000"))).path("txId").asText();
        ok(node.post("/v1/accounts/" + payee + "/freeze", operator, "al-freeze", "{\"reason\":\"court order 19\"}"));
        HttpResponse<String> refused = node.post("/v1/transfers", operator, "al-frozen", transfer(payer, payee, asset, "7"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);

        String auditor = node.token(Role.AUDITOR);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> kinds = List.of();
        while (Instant.now().isBefore(deadline)) {
            JsonNode alerts = ok(node.get("/v1/alerts?limit=100", auditor));
            kinds = new ArrayList<>();
            for (JsonNode alert : alerts.path("alerts")) {
                if (alert.path("asset").asText().equals(asset)) {
                    kinds.add(alert.path("kind").asText() + " " + alert.path("accountId").asText() + " " + alert.path("txId").asText(""));
                }
            }
            if (kinds.size() >= 3) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(kinds).contains("LARGE_VALUE " + payer + " " + large, "LARGE_VALUE " + payee + " " + large,
                "FROZEN_ACCOUNT_RECEIVING " + payee + " ");
        String wallet = node.token(Set.of(Role.WALLET), Set.of(payer), Optional.empty());
        assertThat(node.get("/v1/alerts", wallet).statusCode()).isEqualTo(403);
    }

    private static void awaitFailure(String wallet, String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!ok(node.get("/v1/subscriptions/" + id, wallet)).path("failingSince").isNull()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the node never tried the receiver while it was down");
    }

    /** SIGKILL to node-service; its supervisor starts it again. */
    private static void killNodeService() throws IOException {
        Path child = RunningNode.home().resolve("run").resolve("node-service.child");
        long pid = Long.parseLong(Files.readString(child).trim().split("\\s+")[0]);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node-service is not running as " + pid));
        process.destroyForcibly();
        process.onExit().join();
    }

    private static void awaitNodeBack() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(node.api + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException restarting) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node-service did not come back within 90 s of its kill");
    }

    private static Set<String> distinctIds() {
        synchronized (RECEIVED) {
            Set<String> ids = new LinkedHashSet<>();
            RECEIVED.forEach(r -> ids.add(r.id()));
            return ids;
        }
    }

    private static List<Received> firsts() {
        synchronized (RECEIVED) {
            Set<String> seen = new LinkedHashSet<>();
            return RECEIVED.stream().filter(r -> seen.add(r.id())).toList();
        }
    }

    private static JsonNode data(Received received) {
        try {
            return Json.MAPPER.readTree(received.body()).path("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Standard Webhooks signature, computed here from the specification, not with the node's code. */
    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
