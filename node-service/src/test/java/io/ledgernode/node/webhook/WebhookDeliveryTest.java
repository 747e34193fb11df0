package io.ledgernode.node.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.mirror.testing.MirrorSeeder;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.mirror.Mirror;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real database and a real HTTP receiver that fails, answers slowly, answers 500 then 200, and is
 * down while the node is replaced: every entry arrives at least once, in chain order, signed, none missing.
 */
class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00.000Z");

    /** A clock the test moves, so back-off and dead-lettering happen without waiting. */
    private static final class TestClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** What the receiver got: each request's headers and body, in arrival order. */
    private record Received(String id, String timestamp, String signature, String body, int answered) {
    }

    private final TestClock clock = new TestClock();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    /** The status the receiver answers its n-th call (0, 1, ...) with; negative: sleep that many milliseconds, then 200. */
    private volatile IntUnaryOperator answer = n -> 200;
    private HttpServer receiver;
    private int port;
    private MirrorSeeder seed;
    private Mirror mirror;
    private DataSource webhooksData;

    @BeforeEach
    void start() throws IOException, SQLException {
        EmbeddedMirror.Database db = EmbeddedMirror.shared().fresh();
        mirror = new Mirror(db.reader());
        seed = db.seeder();
        seed.block(new Block(0, fill(1), new byte[32], fill(2), 1, T0, T0)).transaction(tx(0, "tx-open"))
                .asset(new Asset("EUR", 2, 0, 0, "tx-open")).account(account("alice", "DE")).account(account("bob", "FR"))
                .checkpoint(1);
        webhooksData = db.admin();
        io.ledgernode.node.notification.NotificationDatabase.migrate(webhooksData);
        startReceiver(0);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private void startReceiver(int onPort) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        receiver.createContext("/hook", exchange -> {
            int n = calls.getAndIncrement();
            int status = answer.applyAsInt(n);
            // Taken in first, answered after: a slow receiver has the message even when the node gave up waiting.
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Math.max(status, 200)));
            if (status < 0) {
                sleep(-status);
                status = 200;
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException gone) {
                // The node stopped waiting for this answer.
            }
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        port = receiver.getAddress().getPort();
    }

    private Webhooks webhooks(Duration deadLetterAfter) {
        WebhookConfig config = new WebhookConfig(Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofSeconds(1), Duration.ofSeconds(30), deadLetterAfter, 100, 5, true);
        return Webhooks.of(webhooksData, mirror, config, clock, new WebhookDispatcher.Observer() {
            @Override
            public void firstAttempt(Duration delay) {
            }

            @Override
            public void outcome(String outcome) {
            }
        });
    }

    private static Caller wallet(String account) {
        return new Caller("w-" + account, "test", Set.of(Role.WALLET), Set.of(account), Optional.empty(), Optional.empty(), T0.plusSeconds(3600));
    }

    private String subscribe(Webhooks webhooks, Caller caller, String key, List<String> kinds) {
        SubscriptionRequest request = SubscriptionRequest.of("http://127.0.0.1:" + port + "/hook", kinds, null, null, 0L);
        return webhooks.operations().create(caller, key, request).subscription().id();
    }

    /** Entries in blocks 1..n: alice is paid by bob (a credit) and pays bob (a debit), one transaction a block. */
    private void transfers(int fromBlock, int n) throws SQLException {
        for (int b = fromBlock; b < fromBlock + n; b++) {
            Instant at = T0.plusSeconds(b);
            seed.block(new Block(b, fill(b + 2), fill(b + 1), fill(b + 3), 1, at, at)).transaction(tx(b, "tx-" + b))
                    .entry(new Entry(b, 0, 0, "tx-" + b, "bob", "EUR", EntryKind.DEBIT, b, null, at, "alice", "inv-" + b))
                    .entry(new Entry(b, 0, 1, "tx-" + b, "alice", "EUR", EntryKind.CREDIT, b, null, at, "bob", "inv-" + b))
                    .advanceCheckpoint(b);
        }
    }

    /** Rounds until nothing is due or failing, the clock moved past each back-off. */
    private void deliverAll(Webhooks webhooks) {
        for (int i = 0; i < 50; i++) {
            WebhookDispatcher.Round round = webhooks.dispatcher().round();
            if (round.delivered() + round.failed() + round.deadLettered() == 0) {
                return;
            }
            clock.advance(Duration.ofSeconds(31));
        }
    }

    @Test
    void a_receiver_that_fails_then_answers_500_then_200_gets_every_entry_in_order_signed_and_none_missing() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofHours(24));
        String secret = webhooks.operations().create(wallet("alice"), "sub-1",
                SubscriptionRequest.of("http://127.0.0.1:" + port + "/hook", List.of("CREDIT", "DEBIT"), null, null, 0L)).subscription().secret();
        transfers(1, 5);
        // Calls 0 and 1 fail (500), call 2 is answered only after the node gave up on it, then every call is 200.
        answer = n -> n < 2 ? 500 : n == 2 ? -1_000 : 200;

        deliverAll(webhooks);

        // At least once: the slow answer's message arrived twice, with one webhook-id; once each is every entry, in order.
        List<Received> accepted = distinct(accepted());
        assertThat(accepted).extracting(r -> data(r).path("blockNumber").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(accepted()).hasSize(6);
        assertThat(accepted).extracting(r -> data(r).path("kind").asText()).containsOnly("CREDIT");
        assertThat(accepted).extracting(r -> data(r).path("counterparty").asText()).containsOnly("bob");
        assertThat(data(accepted.get(0)).path("reference").asText()).isEqualTo("inv-1");
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo(WebhookSigner.signature(secret, r.id(), Long.parseLong(r.timestamp()), r.body()));
        }
        // Every retry of an entry carried the webhook-id of its first attempt.
        assertThat(received.subList(0, 3)).extracting(Received::id).containsOnly(accepted.get(0).id());
        SubscriptionAnswer state = webhooks.operations().list(wallet("alice")).subscriptions().get(0);
        assertThat(state.afterBlock()).isEqualTo(5);
        assertThat(state.delivered()).isEqualTo(5);
        assertThat(state.failingSince()).isNull();
    }

    @Test
    void an_idle_node_looks_at_no_subscription_until_a_block_comes_and_then_at_each_once() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofHours(24));
        subscribe(webhooks, wallet("alice"), "sub-alice", List.of("CREDIT"));
        // Bob is never credited: his subscription has nothing to send, block after block.
        subscribe(webhooks, wallet("bob"), "sub-bob", List.of("CREDIT"));
        transfers(1, 2);
        deliverAll(webhooks);

        // Nothing came: a round looks at no subscription (it used to read both subscriptions' entries, 5 times a second).
        for (int i = 0; i < 3; i++) {
            assertThat(webhooks.dispatcher().round().subscriptions()).isZero();
        }

        transfers(3, 1);
        WebhookDispatcher.Round afterBlock = webhooks.dispatcher().round();
        assertThat(afterBlock.subscriptions()).isEqualTo(2);
        assertThat(afterBlock.delivered()).isEqualTo(1);
        assertThat(webhooks.dispatcher().round().subscriptions()).isZero();
        assertThat(distinct(accepted())).extracting(r -> data(r).path("blockNumber").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void a_node_replaced_while_the_receiver_is_down_delivers_from_where_the_last_one_stopped() throws Exception {
        Webhooks first = webhooks(Duration.ofHours(24));
        subscribe(first, wallet("alice"), "sub-1", List.of("CREDIT"));
        transfers(1, 3);
        deliverAll(first);
        int portBefore = port;
        receiver.stop(0);
        transfers(4, 3);
        first.dispatcher().round();
        assertThat(webhooks(Duration.ofHours(24)).operations().list(wallet("alice")).subscriptions().get(0).lastError())
                .contains("refused the connection").doesNotContain("Exception");

        // Another node process over the same database, the receiver back on its address.
        Webhooks second = webhooks(Duration.ofHours(24));
        startReceiver(portBefore);
        clock.advance(Duration.ofMinutes(1));
        deliverAll(second);

        assertThat(distinct(accepted())).extracting(r -> data(r).path("blockNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void an_entry_failing_past_dead_letter_after_is_kept_as_a_dead_letter_and_the_next_entries_go() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofMinutes(2));
        String id = subscribe(webhooks, wallet("alice"), "sub-1", List.of("CREDIT"));
        transfers(1, 3);
        // The receiver refuses block 2's entry every time.
        receiver.removeContext("/hook");
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = body.contains("\"blockNumber\":2") ? 500 : 200;
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), "0", "", body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });

        deliverAll(webhooks);

        assertThat(accepted()).extracting(r -> data(r).path("blockNumber").asInt()).containsExactly(1, 3);
        SubscriptionAnswer.DeadLetters letters = webhooks.operations().deadLetters(wallet("alice"), id);
        assertThat(letters.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.blockNumber()).isEqualTo(2);
            assertThat(letter.lastError()).isEqualTo("the receiver answered HTTP 500");
            assertThat(letter.payload()).contains("\"blockNumber\":2");
        });
    }

    @Test
    void a_wallets_subscription_only_ever_carries_its_own_accounts_entries_and_another_caller_cannot_see_it() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofHours(24));
        String id = subscribe(webhooks, wallet("alice"), "sub-1", List.of("CREDIT", "DEBIT"));
        transfers(1, 2);

        deliverAll(webhooks);

        assertThat(accepted()).extracting(r -> data(r).path("accountId").asText()).containsOnly("alice");
        assertThat(webhooks.operations().list(wallet("bob")).subscriptions()).isEmpty();
        assertThatThrownBy(() -> webhooks.operations().get(wallet("bob"), id)).isInstanceOf(ApiException.class);
        // A wallet may not subscribe to another account's entries.
        assertThatThrownBy(() -> webhooks.operations().create(wallet("bob"), "sub-2", SubscriptionRequest.of("http://127.0.0.1:1/x",
                List.of("CREDIT"), List.of("alice"), null, null))).isInstanceOf(ApiException.class);
    }

    @Test
    void a_paused_subscription_waits_and_a_replay_delivers_again_with_the_same_webhook_ids() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofHours(24));
        String id = subscribe(webhooks, wallet("alice"), "sub-1", List.of("CREDIT"));
        transfers(1, 2);
        deliverAll(webhooks);
        List<String> firstIds = accepted().stream().map(Received::id).toList();

        webhooks.operations().pause(wallet("alice"), id);
        transfers(3, 1);
        deliverAll(webhooks);
        assertThat(accepted()).hasSize(2);
        webhooks.operations().resume(wallet("alice"), id);
        webhooks.operations().replay(wallet("alice"), id, Optional.of("1"));
        deliverAll(webhooks);

        assertThat(accepted()).extracting(r -> data(r).path("blockNumber").asInt()).containsExactly(1, 2, 1, 2, 3);
        assertThat(accepted().subList(2, 4)).extracting(Received::id).isEqualTo(firstIds);
    }

    @Test
    void creating_again_under_the_same_key_answers_the_same_subscription_and_another_request_under_it_is_a_conflict() {
        Webhooks webhooks = webhooks(Duration.ofHours(24));
        SubscriptionRequest request = SubscriptionRequest.of("http://127.0.0.1:9/hook", List.of("CREDIT"), null, null, 0L);
        SubscriptionOperations.Created first = webhooks.operations().create(wallet("alice"), "sub-1", request);
        SubscriptionOperations.Created again = webhooks.operations().create(wallet("alice"), "sub-1", request);

        assertThat(first.created()).isTrue();
        assertThat(first.subscription().secret()).startsWith("whsec_");
        assertThat(again.created()).isFalse();
        assertThat(again.subscription().id()).isEqualTo(first.subscription().id());
        assertThat(again.subscription().secret()).isNull();
        assertThatThrownBy(() -> webhooks.operations().create(wallet("alice"), "sub-1",
                SubscriptionRequest.of("http://127.0.0.1:9/other", List.of("CREDIT"), null, null, 0L)))
                .hasMessageContaining("already used");
    }

    /** Each webhook-id once, where it first arrived. */
    private static List<Received> distinct(List<Received> messages) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return messages.stream().filter(r -> seen.add(r.id())).toList();
    }

    @Test
    void a_regulators_alert_subscription_gets_its_jurisdictions_alerts_in_order_and_a_wallet_may_not_have_one() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofHours(24));
        Caller regulator = new Caller("reg-de", "test", Set.of(Role.REGULATOR), Set.of(), Optional.of("DE"), Optional.empty(), T0.plusSeconds(3600));
        webhooks.operations().create(regulator, "alerts-1", SubscriptionRequest.of("http://127.0.0.1:" + port + "/hook", List.of("ALERT"),
                null, null, 0L));
        io.ledgernode.node.alert.AlertStore alerts = new io.ledgernode.node.alert.AlertStore(webhooksData);
        for (String[] alert : List.of(new String[] {"alice", "DE"}, new String[] {"bob", "FR"}, new String[] {"carol", "DE"})) {
            alerts.raise(new io.ledgernode.node.alert.AlertStore.Raised(io.ledgernode.node.alert.AlertKind.FROZEN_ACCOUNT_RECEIVING, alert[0],
                    alert[1], "EUR", 5, OptionalLong.empty(), Optional.empty(), Optional.empty(), io.ledgernode.api.money.EntryKind.CREDIT, T0,
                    "refused"), T0);
        }

        deliverAll(webhooks);

        assertThat(accepted()).extracting(r -> Json.MAPPER.readTree(r.body()).path("type").asText())
                .containsOnly("ledger.alert.FROZEN_ACCOUNT_RECEIVING");
        assertThat(accepted()).extracting(r -> data(r).path("accountId").asText()).containsExactly("alice", "carol");
        assertThatThrownBy(() -> webhooks.operations().create(wallet("alice"), "alerts-2", SubscriptionRequest.of("http://127.0.0.1:1/x",
                List.of("ALERT"), null, null, null))).isInstanceOf(ApiException.class).hasMessageContaining("ALERT");
    }

    private List<Received> accepted() {
        synchronized (received) {
            return received.stream().filter(r -> r.answered() == 200).toList();
        }
    }

    private static JsonNode data(Received received) {
        try {
            return Json.MAPPER.readTree(received.body()).path("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Account account(String id, String jurisdiction) {
        return new Account(id, "EUR", "Org1MSP", "ref-" + id, jurisdiction, AccountStatus.ACTIVE, OptionalLong.empty(), OptionalLong.empty(),
                0, 0, 0, 0);
    }

    private static Transaction tx(long block, String txId) {
        return new Transaction(block, 0, txId, "ENDORSER_TRANSACTION", "VALID", "Org1MSP", "ledger", "Money:transfer", T0.plusSeconds(block), null);
    }

    private static byte[] fill(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
