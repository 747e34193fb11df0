package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.Json;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 2b on the real network: many callers debiting ONE account at once (a treasury paying out) all commit,
 * none sees a conflict, the balance is exact, and an overdraft among them is refused alone.
 */
class HotSenderIT {

    private static final int CLIENTS = 8;
    private static final int TRANSFERS_PER_CLIENT = 15;

    private static NodeFixture node;

    @BeforeAll
    static void locate() {
        node = NodeFixture.locate();
    }

    /** An operator of its own subject, so the callers do not share one rate-limit bucket. */
    private static String operator(int client) {
        return DevTokens.mint(node.keys, "ledger-node-dev", "ledger-node", "it-hot-" + node.run + "-" + client, Set.of(Role.OPERATOR),
                Set.of(), Optional.empty(), Duration.ofMinutes(10), Clock.systemUTC());
    }

    @Test
    void eight_clients_sending_fifteen_transfers_each_from_one_account_all_commit_and_the_balance_is_exact() throws Exception {
        String asset = "H" + node.run;
        String treasury = "hot-treasury-" + node.run;
        List<String> payees = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            payees.add("hot-payee-" + c + "-" + node.run);
        }
        List<String> all = new ArrayList<>(payees);
        all.add(treasury);
        node.openAccounts(asset, "DE", all.toArray(String[]::new));
        long funded = 1_000;
        NodeFixture.ok(node.post("/v1/mint", node.token(Role.ISSUER), "mint", "{\"account\":\"" + treasury + "\",\"amount\":\"" + funded + "\"}"));

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> txIds = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicLong lastBlock = new java.util.concurrent.atomic.AtomicLong();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                String token = operator(client);
                running.add(clients.submit(() -> {
                    for (int i = 0; i < TRANSFERS_PER_CLIENT; i++) {
                        // One overdraft among them, sent while the others are in flight: refused alone.
                        String amount = client == 3 && i == 7 ? Long.toString(funded * 10) : "1";
                        HttpResponse<String> sent = node.post("/v1/transfers", token, "hot-" + client + "-" + i,
                                NodeFixture.transfer(treasury, payees.get(client), asset, amount));
                        statuses.merge(sent.statusCode(), 1, Integer::sum);
                        if (sent.statusCode() == 200) {
                            JsonNode done = Json.MAPPER.readTree(sent.body());
                            txIds.add(done.path("txId").asText());
                            lastBlock.accumulateAndGet(done.path("blockNumber").asLong(), Math::max);
                        } else {
                            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(422);
                            assertThat(Json.MAPPER.readTree(sent.body()).path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }

        int committed = CLIENTS * TRANSFERS_PER_CLIENT - 1;
        assertThat(statuses).as("every transfer commits, the overdraft alone is refused, no conflict reaches a caller")
                .isEqualTo(Map.of(200, committed, 422, 1));
        assertThat(txIds.size()).as("several transfers shared a transaction").isLessThan(committed);
        JsonNode account = NodeFixture.ok(node.get("/v1/accounts/" + treasury + "?minBlock=" + lastBlock.get(), node.token(Role.OPERATOR)));
        assertThat(account.path("balance").asText()).isEqualTo(Long.toString(funded - committed));
        Set<String> seen = new HashSet<>();
        for (String payee : payees) {
            seen.add(NodeFixture.ok(node.get("/v1/accounts/" + payee + "?minBlock=" + lastBlock.get(), node.token(Role.OPERATOR))).path("balance").asText());
        }
        assertThat(seen).as("each payee got its client's transfers").containsExactlyInAnyOrder("15", "14");
    }
}
