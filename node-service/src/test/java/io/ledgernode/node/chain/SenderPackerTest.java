package io.ledgernode.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.ErrorPayload;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.MoneyResult;
import io.ledgernode.api.money.PackedOutcome;
import io.ledgernode.api.money.TransferPackRequest;
import io.ledgernode.api.money.TransferPackResult;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 16 item 2b: the node orders the debits of one account itself, one transaction in flight per sender. */
class SenderPackerTest {

    /** A submission the fake ledger holds until the test answers it. */
    private record Call(String transaction, Object request, CompletableFuture<LedgerWriter.Written> reply) {
    }

    private final BlockingQueue<Call> ledger = new LinkedBlockingQueue<>();
    private final List<Integer> packSizes = new ArrayList<>();
    private final java.util.concurrent.ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final SenderPacker packer = new SenderPacker(new SenderPacker.Settings(3, 4), (transaction, request) -> {
        Call call = new Call(transaction, request, new CompletableFuture<>());
        ledger.add(call);
        return call.reply().join();
    }, Executors.newVirtualThreadPerTaskExecutor(), size -> {
        synchronized (packSizes) {
            packSizes.add(size);
        }
    });

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private static TransferRequest pay(String key, String from, long amount) {
        return TransferRequest.of(key, from, "bob", "USD", Amount.of(amount), null);
    }

    private CompletableFuture<LedgerWriter.Written> send(TransferRequest request) {
        return CompletableFuture.supplyAsync(() -> packer.transfer(request), callers);
    }

    private Call next() throws InterruptedException {
        Call call = ledger.poll(10, TimeUnit.SECONDS);
        assertThat(call).as("a submission").isNotNull();
        return call;
    }

    private void awaitQueued(int queued) throws InterruptedException {
        for (int i = 0; i < 1_000 && packer.queued() != queued; i++) {
            Thread.sleep(5);
        }
        assertThat(packer.queued()).isEqualTo(queued);
    }

    private static MoneyResult result(String txId, long amount) {
        return MoneyResult.of(txId, "2026-11-22T10:15:30.123Z", List.of(
                Entry.of("alice", "USD", EntryKind.DEBIT, Amount.of(amount), null),
                Entry.of("bob", "USD", EntryKind.CREDIT, Amount.of(amount), null)));
    }

    private static LedgerWriter.Written done(String txId, Object result) {
        return new LedgerWriter.Written.Done(txId, 7, LedgerJson.writeString(result));
    }

    @Test
    void a_lone_transfer_goes_out_at_once_as_an_ordinary_transfer() throws Exception {
        CompletableFuture<LedgerWriter.Written> answer = send(pay("k1", "alice", 5));
        Call call = next();
        assertThat(call.transaction()).isEqualTo(Transactions.MONEY_TRANSFER);
        call.reply().complete(done("tx-1", result("tx-1", 5)));
        assertThat(answer.get(10, TimeUnit.SECONDS).txId()).isEqualTo("tx-1");
        assertThat(packer.senders()).as("the idle sender's lane is dropped").isZero();
    }

    @Test
    void transfers_sent_while_one_is_in_flight_go_out_together_and_each_caller_gets_its_own_answer() throws Exception {
        CompletableFuture<LedgerWriter.Written> first = send(pay("k1", "alice", 1));
        Call inFlight = next();
        CompletableFuture<LedgerWriter.Written> second = send(pay("k2", "alice", 2));
        awaitQueued(1);
        CompletableFuture<LedgerWriter.Written> third = send(pay("k3", "alice", 3));
        awaitQueued(2);
        assertThat(ledger).as("nothing else goes out while the first is in flight").isEmpty();

        inFlight.reply().complete(done("tx-1", result("tx-1", 1)));
        Call pack = next();
        assertThat(pack.transaction()).isEqualTo(Transactions.MONEY_TRANSFER_PACK);
        assertThat(((TransferPackRequest) pack.request()).items()).extracting(TransferRequest::idempotencyKey)
                .containsExactly("k2", "k3");
        pack.reply().complete(done("tx-2", TransferPackResult.of(List.of(PackedOutcome.done("k2", result("tx-2", 2)),
                PackedOutcome.refused("k3", ErrorPayload.of(ErrorCode.INSUFFICIENT_FUNDS, "account alice has 0"))))));

        assertThat(first.get(10, TimeUnit.SECONDS).txId()).isEqualTo("tx-1");
        LedgerWriter.Written.Done mine = (LedgerWriter.Written.Done) second.get(10, TimeUnit.SECONDS);
        assertThat(mine.txId()).isEqualTo("tx-2");
        assertThat(mine.resultJson()).as("exactly what the transfer alone would answer").isEqualTo(LedgerJson.writeString(result("tx-2", 2)));
        assertThat(third).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(LedgerException.class)
                .satisfies(e -> assertThat(((LedgerException) e).code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS));
        awaitSenders(0);
        assertThat(packSizes).containsExactly(2);
    }

    @Test
    void a_replayed_item_answers_the_transaction_that_applied_it() throws Exception {
        send(pay("k0", "alice", 1));
        Call inFlight = next();
        CompletableFuture<LedgerWriter.Written> retry = send(pay("k1", "alice", 1));
        awaitQueued(1);
        CompletableFuture<LedgerWriter.Written> fresh = send(pay("k2", "alice", 1));
        awaitQueued(2);
        inFlight.reply().complete(done("tx-0", result("tx-0", 1)));
        next().reply().complete(done("tx-5", TransferPackResult.of(List.of(PackedOutcome.done("k1", result("tx-earlier", 1)),
                PackedOutcome.done("k2", result("tx-5", 1))))));
        assertThat(retry.get(10, TimeUnit.SECONDS).txId()).isEqualTo("tx-earlier");
        assertThat(fresh.get(10, TimeUnit.SECONDS).txId()).isEqualTo("tx-5");
    }

    @Test
    void another_sender_is_not_held_up_by_one_in_flight() throws Exception {
        send(pay("k1", "alice", 1));
        Call alice = next();
        CompletableFuture<LedgerWriter.Written> carol = send(pay("k2", "carol", 1));
        Call call = next();
        assertThat(((TransferRequest) call.request()).leg().from()).isEqualTo("carol");
        call.reply().complete(done("tx-2", result("tx-2", 1)));
        assertThat(carol.get(10, TimeUnit.SECONDS).txId()).isEqualTo("tx-2");
        alice.reply().complete(done("tx-1", result("tx-1", 1)));
    }

    @Test
    void a_pack_holds_at_most_items_max_and_the_rest_follows_in_the_next() throws Exception {
        send(pay("k0", "alice", 1));
        Call inFlight = next();
        List<CompletableFuture<LedgerWriter.Written>> waiting = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            waiting.add(send(pay("k" + i, "alice", 1)));
            awaitQueued(i);
        }
        inFlight.reply().complete(done("tx-0", result("tx-0", 1)));
        Call pack = next();
        assertThat(((TransferPackRequest) pack.request()).items()).hasSize(3);
        pack.reply().complete(done("tx-1", TransferPackResult.of(List.of(PackedOutcome.done("k1", result("tx-1", 1)),
                PackedOutcome.done("k2", result("tx-1", 1)), PackedOutcome.done("k3", result("tx-1", 1))))));
        Call last = next();
        assertThat(last.transaction()).as("one left: sent as it would be alone").isEqualTo(Transactions.MONEY_TRANSFER);
        last.reply().complete(done("tx-2", result("tx-2", 1)));
        assertThat(waiting.get(3).get(10, TimeUnit.SECONDS).txId()).isEqualTo("tx-2");
    }

    @Test
    void a_full_queue_refuses_the_next_transfer_with_OVERLOADED_and_retry_after() throws Exception {
        send(pay("k0", "alice", 1));
        Call inFlight = next();
        for (int i = 1; i <= 4; i++) {
            send(pay("k" + i, "alice", 1));
            awaitQueued(i);
        }
        assertThatThrownBy(() -> packer.transfer(pay("k5", "alice", 1))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ApiErrorCode.Service.OVERLOADED);
            assertThat(e.retryAfter()).isPresent();
        });
        inFlight.reply().complete(new LedgerWriter.Written.Pending("tx-0", "deadline"));
        Call pack = next();
        pack.reply().complete(new LedgerWriter.Written.Pending("tx-1", "deadline"));
        next().reply().complete(new LedgerWriter.Written.Pending("tx-2", "deadline"));
        awaitSenders(0);
    }

    @Test
    void a_pack_whose_outcome_is_unknown_answers_every_caller_pending_and_a_failed_one_fails_every_caller() throws Exception {
        send(pay("k0", "alice", 1));
        Call inFlight = next();
        CompletableFuture<LedgerWriter.Written> a = send(pay("k1", "alice", 1));
        awaitQueued(1);
        CompletableFuture<LedgerWriter.Written> b = send(pay("k2", "alice", 1));
        awaitQueued(2);
        inFlight.reply().complete(done("tx-0", result("tx-0", 1)));
        next().reply().complete(new LedgerWriter.Written.Pending("tx-1", "deadline"));
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(new LedgerWriter.Written.Pending("tx-1", "deadline"));
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(new LedgerWriter.Written.Pending("tx-1", "deadline"));

        send(pay("k3", "alice", 1));
        Call again = next();
        CompletableFuture<LedgerWriter.Written> c = send(pay("k4", "alice", 1));
        awaitQueued(1);
        CompletableFuture<LedgerWriter.Written> d = send(pay("k5", "alice", 1));
        awaitQueued(2);
        again.reply().complete(done("tx-3", result("tx-3", 1)));
        next().reply().completeExceptionally(new ApiException(ApiErrorCode.Service.LEDGER_UNAVAILABLE, "down"));
        for (CompletableFuture<LedgerWriter.Written> answer : List.of(c, d)) {
            assertThat(answer).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(ApiException.class);
        }
    }

    private void awaitSenders(int senders) throws InterruptedException {
        for (int i = 0; i < 1_000 && packer.senders() != senders; i++) {
            Thread.sleep(5);
        }
        assertThat(packer.senders()).isEqualTo(senders);
    }
}
