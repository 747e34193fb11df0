package io.ledgernode.gateway;

import static io.ledgernode.gateway.NetworkFixture.committed;
import static io.ledgernode.gateway.NetworkFixture.json;
import static io.ledgernode.gateway.NetworkFixture.parse;
import static io.ledgernode.gateway.NetworkFixture.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money moving through the real network: Org1 is the issuer; accounts are in Org1's or Org2's custody; every
 * transaction is endorsed by both orgs' peers (majority of two) and committed by the Raft orderer.
 */
class LedgerOnRealNetworkIT {

    private static NetworkFixture net;
    private static String asset;

    @BeforeAll
    static void connect() {
        net = new NetworkFixture();
        asset = net.assetCode("N");
        net.registerAsset(asset);
    }

    @AfterAll
    static void disconnect() {
        net.close();
    }

    @Test
    void issuer_mints_into_an_account_and_supply_follows() {
        String alice = net.id("mint-alice");
        net.openAccount(net.org1User, alice, asset);
        long supplyBefore = net.supply(asset);

        JsonNode result = committed(net.org1User, "Money:mint", json("idempotencyKey", net.id("mint-1"), "account", alice, "amount", "10000"));

        assertThat(result.path("txId").asText()).isNotEmpty();
        assertThat(net.balance(alice)).isEqualTo(10_000);
        assertThat(net.supply(asset)).isEqualTo(supplyBefore + 10_000);
    }

    @Test
    void a_member_that_is_not_the_issuer_cannot_mint() {
        String account = net.id("mint-by-org2");
        net.openAccount(net.org2User, account, asset);

        rejected(net.org2User, "Money:mint", json("idempotencyKey", net.id("mint-2"), "account", account, "amount", "5"), ErrorCode.FORBIDDEN);

        assertThat(net.balance(account)).isZero();
    }

    @Test
    void transfer_between_custodians_moves_exactly_the_amount() {
        String alice = funded("tr-alice", 10_000);
        String bob = opened("tr-bob", net.org2User);

        committed(net.org1User, "Money:transfer", transfer("tr-1", alice, bob, "2500"));

        assertThat(net.balance(alice)).isEqualTo(7_500);
        assertThat(net.balance(bob)).isEqualTo(2_500);
    }

    @Test
    void a_transfer_reaches_each_endorsing_peer_in_one_read_and_one_write_message() {
        String alice = funded("msg-alice", 10_000);
        String bob = opened("msg-bob", net.org2User);
        Map<String, Long> used = Map.of();
        // Anything else the network runs meanwhile counts too; a quiet moment shows the transfer's own messages.
        for (int attempt = 1; attempt <= 3; attempt++) {
            Map<String, Long> before = net.shimRequests();
            committed(net.org1User, "Money:transfer", transfer("msg-" + attempt, alice, bob, "1"));
            used = difference(net.shimRequests(), before);
            if (used.equals(Map.of("GET_STATE_MULTIPLE", 2L, "WRITE_BATCH_STATE", 2L))) {
                break;
            }
        }

        // Both orgs endorse: one message of four reads and one of five writes on each peer (nine messages each
        // when every key was its own round trip).
        assertThat(used).isEqualTo(Map.of("GET_STATE_MULTIPLE", 2L, "WRITE_BATCH_STATE", 2L));
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((type, count) -> {
            long more = count - before.getOrDefault(type, 0L);
            if (more != 0) {
                difference.put(type, more);
            }
        });
        return difference;
    }

    @Test
    void retry_with_the_same_idempotency_key_is_refused_at_endorsement_naming_the_original_and_moves_nothing_again() {
        String alice = funded("idem-alice", 1_000);
        String bob = opened("idem-bob", net.org1User);
        String request = transfer("idem-1", alice, bob, "300");

        JsonNode first = committed(net.org1User, "Money:transfer", request);
        SubmitOutcome retry = net.org1User.submit("Money:transfer", request);

        // Both orgs' peers hold the record: the retry is never endorsed, so it never becomes a transaction.
        assertThat(retry).isInstanceOfSatisfying(SubmitOutcome.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(ErrorCode.REPLAYED);
            IdempotentReplay replay = LedgerJson.read(rejected.message(), IdempotentReplay.class);
            assertThat(replay.txId()).isEqualTo(first.path("txId").asText());
            assertThat(parse(replay.result())).isEqualTo(first);
        });
        assertThat(net.balance(alice)).isEqualTo(700);
        assertThat(net.balance(bob)).isEqualTo(300);
        rejected(net.org1User, "Money:transfer",
                transfer("idem-1", alice, bob, "301"),
                ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(net.balance(alice)).isEqualTo(700);
    }

    @Test
    void an_overdraft_is_rejected_and_changes_nothing() {
        String alice = funded("od-alice", 100);
        String bob = opened("od-bob", net.org1User);

        rejected(net.org1User, "Money:transfer", transfer("od-1", alice, bob, "101"), ErrorCode.INSUFFICIENT_FUNDS);

        assertThat(net.balance(alice)).isEqualTo(100);
        assertThat(net.balance(bob)).isZero();
    }

    @Test
    void only_a_client_of_the_custodian_org_may_debit_an_account() {
        String alice = funded("wo-alice", 1_000);
        String bob = opened("wo-bob", net.org2User);

        rejected(net.org2User, "Money:transfer", transfer("wo-1", alice, bob, "10"), ErrorCode.FORBIDDEN);

        assertThat(net.balance(alice)).isEqualTo(1_000);
    }

    @Test
    void a_frozen_account_can_neither_send_nor_receive_until_unfrozen() {
        String alice = funded("fz-alice", 1_000);
        String bob = opened("fz-bob", net.org1User);
        net.mint(bob, 1_000);

        rejected(net.org1User, "Compliance:freeze", json("account", alice, "reason", "not compliance"), ErrorCode.FORBIDDEN);
        committed(net.org1Admin, "Compliance:freeze", json("account", alice, "reason", "sanctions screening hit"));

        rejected(net.org1User, "Money:transfer", transfer("fz-1", alice, bob, "10"), ErrorCode.ACCOUNT_FROZEN);
        rejected(net.org1User, "Money:transfer", transfer("fz-2", bob, alice, "10"), ErrorCode.ACCOUNT_FROZEN);
        assertThat(parse(net.org1User.evaluate("Accounts:get", alice)).path("status").asText()).isEqualTo("FROZEN");

        committed(net.org1Admin, "Compliance:unfreeze", json("account", alice));
        committed(net.org1User, "Money:transfer", transfer("fz-3", alice, bob, "10"));
        assertThat(net.balance(alice)).isEqualTo(990);
        assertThat(net.balance(bob)).isEqualTo(1_010);
    }

    @Test
    void a_hold_captured_in_part_pays_the_payee_and_returns_the_rest() {
        String alice = funded("hc-alice", 5_000);
        String shop = opened("hc-shop", net.org2User);
        String holdId = net.id("hold-capture");

        committed(net.org1User, "Holds:place", json("idempotencyKey", net.id("hc-1"), "holdId", holdId, "account", alice,
                "amount", "3000", "expiresAt", NetworkFixture.instant(java.time.Instant.now().plusSeconds(3600)), "payee", shop));
        assertThat(net.balance(alice)).isEqualTo(2_000);
        assertThat(parse(net.org1User.evaluate("Accounts:get", alice)).path("held").asLong()).isEqualTo(3_000);

        committed(net.org1User, "Holds:capture", json("idempotencyKey", net.id("hc-2"), "holdId", holdId, "to", shop, "amount", "2000"));

        assertThat(net.balance(alice)).isEqualTo(3_000);
        assertThat(net.balance(shop)).isEqualTo(2_000);
        assertThat(parse(net.org1User.evaluate("Accounts:get", alice)).path("held").asLong()).isZero();
        rejected(net.org1User, "Holds:void", json("holdId", holdId), ErrorCode.HOLD_NOT_OPEN);
    }

    @Test
    void an_expired_hold_is_released_only_after_its_expiry() throws InterruptedException {
        String alice = net.id("he-alice");
        net.openAccount(net.org1User, alice, asset);
        net.mint(alice, 1_000);
        String holdId = net.id("hold-expire");
        java.time.Instant expiresAt = java.time.Instant.now().plusSeconds(4);

        committed(net.org1User, "Holds:place", json("idempotencyKey", net.id("he-1"), "holdId", holdId, "account", alice,
                "amount", "400", "expiresAt", NetworkFixture.instant(expiresAt)));
        // The commit status came from Org1's peer; Org2's, which endorses the release too, commits the same block on
        // its own and may be a moment behind (a CI run saw UNKNOWN_HOLD here): wait until it holds the hold.
        awaitOnBothPeers("Holds:get", holdId);
        rejected(net.org2User, "Holds:release", json("holdId", holdId), ErrorCode.HOLD_NOT_EXPIRED);
        assertThat(net.balance(alice)).isEqualTo(600);

        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), expiresAt).toMillis()) + 1_500);
        // Org1's node, the account's custodian, releases expired holds itself (every few seconds), so this release may
        // lose to it: committed, refused as HOLD_NOT_OPEN, or invalidated by the node's in the same block.
        SubmitOutcome release = net.org2User.submit("Holds:release", json("holdId", holdId));
        assertThat(release).as("Holds:release after the expiry -> %s", release).satisfiesAnyOf(
                outcome -> assertThat(outcome).isInstanceOf(SubmitOutcome.Committed.class),
                outcome -> assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Rejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.HOLD_NOT_OPEN)),
                outcome -> assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Invalidated.class,
                        invalidated -> assertThat(invalidated.code()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT)));
        long released = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < released && net.balance(alice) != 1_000) {
            Thread.sleep(200);
        }
        assertThat(net.balance(alice)).isEqualTo(1_000);
        assertThat(parse(net.org2User.evaluate("Holds:get", holdId)).path("status").asText()).isEqualTo("RELEASED");
    }

    @Test
    void many_concurrent_credits_into_one_account_all_commit_valid() throws Exception {
        int senders = 16;
        String hot = net.id("hot");
        String treasury = net.id("hot-treasury");
        net.openAccount(net.org2User, hot, asset);
        net.openAccount(net.org1User, treasury, asset);
        List<Map<String, String>> accounts = new ArrayList<>();
        List<Map<String, String>> legs = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            String sender = net.id("hot-s" + i);
            accounts.add(Map.of("id", sender, "asset", asset, "ownerRef", "owner-" + sender, "jurisdiction", "FR"));
            legs.add(Map.of("from", treasury, "to", sender, "asset", asset, "amount", "100"));
        }
        committed(net.org1User, "Accounts:openMany", NetworkFixture.toJson(Map.of("accounts", accounts)));
        net.mint(treasury, 100L * senders);
        committed(net.org1User, "Money:transferBatch", NetworkFixture.toJson(Map.of("idempotencyKey", net.id("hot-fund"), "legs", legs)));

        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<SubmitOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                String request = json("idempotencyKey", net.id("hot-" + i), "from", net.id("hot-s" + i), "to", hot,
                        "asset", asset, "amount", "100");
                outcomes.add(pool.submit(() -> net.org1User.submit("Money:transfer", request)));
            }
            for (Future<SubmitOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(SubmitOutcome.Committed.class);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(net.balance(hot)).isEqualTo(100L * senders);
    }

    @Test
    void commit_statuses_from_the_block_stream_tell_committed_from_invalidated_exactly() throws Exception {
        String treasury = funded("cw-treasury", 1_000);
        List<String> payees = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            payees.add(opened("cw-payee-" + i, net.org1User));
        }
        try (CommitWatcher watcher = CommitWatcher.start(net.org1User.connection().network(), java.time.Duration.ofMillis(200))) {
            LedgerClient watched = new LedgerClient(net.org1User.connection(), EndorseRetry.defaults(),
                    java.util.Optional.of(new LedgerClient.CommitWatch(watcher, java.time.Duration.ofSeconds(10))));
            // Sequential transfers: once the stream has delivered a block, their statuses come from it. The stream
            // is opened in the background; on a busy machine it may deliver its first block only after the first
            // commit's status came another way, so the count starts once it delivers.
            assertThat(watched.submit("Money:transfer", transfer("cw-seq-0", treasury, payees.get(0), "10")))
                    .isInstanceOf(SubmitOutcome.Committed.class);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (!watcher.delivering() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long before = watcher.fromEvents();
            for (int i = 1; i < 3; i++) {
                assertThat(watched.submit("Money:transfer", transfer("cw-seq-" + i, treasury, payees.get(i), "10")))
                        .isInstanceOf(SubmitOutcome.Committed.class);
            }
            assertThat(watcher.fromEvents() - before).as("statuses from the stream once it delivers").isPositive();
            // Concurrent debits of one account: those that lost the read race are invalidated, and say so.
            ExecutorService pool = Executors.newFixedThreadPool(payees.size());
            List<Future<SubmitOutcome>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < payees.size(); i++) {
                    String request = transfer("cw-race-" + i, treasury, payees.get(i), "100");
                    outcomes.add(pool.submit(() -> watched.submit("Money:transfer", request)));
                }
                long committed = 0;
                for (Future<SubmitOutcome> outcome : outcomes) {
                    SubmitOutcome done = outcome.get();
                    assertThat(done).isInstanceOfAny(SubmitOutcome.Committed.class, SubmitOutcome.Invalidated.class);
                    if (done instanceof SubmitOutcome.Committed) {
                        committed++;
                    } else {
                        assertThat(((SubmitOutcome.Invalidated) done).code())
                                .isEqualTo(org.hyperledger.fabric.protos.peer.TxValidationCode.MVCC_READ_CONFLICT);
                    }
                }
                assertThat(committed).isPositive();
                assertThat(net.balance(treasury)).isEqualTo(1_000 - 30 - 100 * committed);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void supply_equals_the_sum_of_balances_and_open_holds() {
        String other = net.assetCode("S");
        net.registerAsset(other);
        String a = net.id("sup-a");
        String b = net.id("sup-b");
        net.openAccount(net.org1User, a, other);
        net.openAccount(net.org2User, b, other);
        net.mint(a, 9_000);
        committed(net.org1User, "Money:transfer", json("idempotencyKey", net.id("sup-1"), "from", a, "to", b, "asset", other, "amount", "1234"));
        committed(net.org1User, "Holds:place", json("idempotencyKey", net.id("sup-2"), "holdId", net.id("sup-hold"), "account", a,
                "amount", "1000", "expiresAt", NetworkFixture.instant(java.time.Instant.now().plusSeconds(600))));

        long held = parse(net.org1User.evaluate("Accounts:get", a)).path("held").asLong();
        assertThat(net.supply(other)).isEqualTo(9_000).isEqualTo(net.balance(a) + net.balance(b) + held);
    }

    /** A {@code Money:transfer} request in this class's asset, its idempotency key {@code key} and the run's id. */
    private static String transfer(String key, String from, String to, String amount) {
        return json("idempotencyKey", net.id(key), "from", from, "to", to, "asset", asset, "amount", amount);
    }

    /** A new account of Org1 in this class's asset with {@code amount} minted into it; returns its id. */
    private static String funded(String base, long amount) {
        String id = opened(base, net.org1User);
        net.mint(id, amount);
        return id;
    }

    /**
     * A new account in this class's asset, opened by a client of its custodian org; returns its id once both orgs' peers
     * have it. The commit status came from the custodian org's peer; the other org's, which endorses what comes next,
     * commits the same block on its own and may be a moment behind (a CI run saw UNKNOWN_ACCOUNT on the transfer to an
     * account Org2 had just opened).
     */
    private static String opened(String base, LedgerClient custodian) {
        String id = net.id(base);
        net.openAccount(custodian, id, asset);
        awaitOnBothPeers("Accounts:get", id);
        return id;
    }

    /**
     * Waits (at most 10 s) until both orgs' peers answer {@code query} of {@code id}: a commit status comes from one
     * org's peer, and the other's commits the same block on its own, possibly a moment later.
     */
    private static void awaitOnBothPeers(String query, String id) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until && !(knows(net.org1User, query, id) && knows(net.org2User, query, id))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the client's own org's peer answers {@code query} of {@code id} yet. */
    private static boolean knows(LedgerClient client, String query, String id) {
        try {
            client.evaluate(query, id);
            return true;
        } catch (LedgerClient.LedgerQueryException e) {
            return false;
        }
    }
}
