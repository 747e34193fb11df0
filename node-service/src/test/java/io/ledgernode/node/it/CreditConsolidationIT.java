package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.account.PendingCreditsRequest;
import io.ledgernode.api.account.PendingCreditsResult;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.mirror.testing.RunningNode;
import io.ledgernode.node.auth.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 2 on the real network: hundreds of concurrent credits into one account all commit without a single
 * conflict, the node's consolidation job folds them in the background, and the chain's balance stays exact while the
 * pending credits a balance read sums come back under the job's threshold.
 */
class CreditConsolidationIT {

    private static final int SENDERS = 8;
    private static final int CREDITS_PER_SENDER = 40;
    /** node.consolidation.threshold in the shipped application.yaml. */
    private static final int THRESHOLD = 64;
    private static final Duration FOLD_WAIT_MAX = Duration.ofSeconds(90);

    private static NodeFixture node;
    private static LedgerConnection connection;
    private static LedgerClient chain;

    @BeforeAll
    static void connect() {
        node = NodeFixture.locate();
        connection = LedgerConnection.open(NetworkProfile.ofHome(RunningNode.home()), "Org1", "User1", GatewayTimeouts.defaults());
        chain = new LedgerClient(connection);
    }

    @AfterAll
    static void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void concurrent_credits_into_one_account_never_conflict_and_are_folded_with_the_balance_exact() throws Exception {
        String asset = "R" + node.run;
        String merchant = "merchant-" + node.run;
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add("payer" + i + "-" + node.run);
        }
        List<String> accounts = new ArrayList<>(senders);
        accounts.add(merchant);
        node.openAccounts(asset, "DE", accounts.toArray(String[]::new));
        String issuer = node.token(Role.ISSUER);
        for (String sender : senders) {
            NodeFixture.ok(node.post("/v1/mint", issuer, "mint-" + sender, "{\"account\":\"" + sender + "\",\"amount\":\"100000\"}"));
        }
        long conflictsBefore = transferConflicts();
        long foldedBefore = metric("ledger_credits_consolidated_total");

        long expected = creditConcurrently(asset, merchant, senders);

        assertThat(transferConflicts()).as("credits that lost an MVCC race").isEqualTo(conflictsBefore);
        assertThat(balance(merchant)).isEqualTo(expected);
        PendingCreditsResult pending = awaitFolded(merchant);
        assertThat(pending.more()).isFalse();
        assertThat(pending.credits().size()).isLessThan(THRESHOLD);
        assertThat(balance(merchant)).isEqualTo(expected);
        assertThat(metric("ledger_credits_consolidated_total") - foldedBefore)
                .isGreaterThanOrEqualTo(SENDERS * CREDITS_PER_SENDER - THRESHOLD + 1L);
        assertThat(metric("ledger_pending_credits_max")).isGreaterThanOrEqualTo(0);
    }

    /** Each sender pays the merchant CREDITS_PER_SENDER times, all senders at once; the sum of the amounts. */
    private static long creditConcurrently(String asset, String merchant, List<String> senders) throws Exception {
        String operator = node.token(Role.OPERATOR);
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (String sender : senders) {
                sums.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = 1; i <= CREDITS_PER_SENDER; i++) {
                        HttpResponse<String> sent = node.post("/v1/transfers", operator, "pay-" + sender + "-" + i,
                                NodeFixture.transfer(sender, merchant, asset, Integer.toString(i)));
                        NodeFixture.ok(sent);
                        sum += i;
                    }
                    return sum;
                }));
            }
            long total = 0;
            for (Future<Long> sum : sums) {
                total += sum.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the merchant's pending credits are under the threshold, as the job leaves them. */
    private static PendingCreditsResult awaitFolded(String merchant) throws InterruptedException {
        Instant deadline = Instant.now().plus(FOLD_WAIT_MAX);
        PendingCreditsResult pending = pending(merchant);
        while (pending.more() || pending.credits().size() >= THRESHOLD) {
            assertThat(Instant.now()).as("the job folds the credits within " + FOLD_WAIT_MAX).isBefore(deadline);
            Thread.sleep(500);
            pending = pending(merchant);
        }
        return pending;
    }

    private static PendingCreditsResult pending(String account) {
        return LedgerJson.read(chain.evaluate(Transactions.ACCOUNTS_PENDING_CREDITS,
                LedgerJson.writeString(PendingCreditsRequest.of(account, 100))), PendingCreditsResult.class);
    }

    /** The exact balance on the chain ({@code Accounts:get}, settled plus pending credits). */
    private static long balance(String account) {
        return LedgerJson.read(chain.evaluate(Transactions.ACCOUNTS_GET, account), AccountView.class).balance().minorUnits();
    }

    /** Transfers the node resubmitted or gave up on after an MVCC or phantom read conflict. */
    private static long transferConflicts() throws Exception {
        return metric("ledger_submit_outcomes_total", "Money:transfer", "retried")
                + metric("ledger_submit_outcomes_total", "Money:transfer", "invalidated");
    }

    /** The sum of a metric's samples whose labels contain every one of {@code labels}, 0 if none. */
    private static long metric(String name, String... labels) throws Exception {
        String text = node.get("/metrics").body();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (line.find()) {
            String set = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= set.contains("\"" + label + "\"");
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return (long) sum;
    }
}
