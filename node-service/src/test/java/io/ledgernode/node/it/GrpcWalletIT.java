package io.ledgernode.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.grpc.v1.Account;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.node.grpc.v1.GetAccountRequest;
import io.ledgernode.node.grpc.v1.LedgerGrpc;
import io.ledgernode.node.grpc.v1.ListAccountTransactionsRequest;
import io.ledgernode.node.grpc.v1.MintRequest;
import io.ledgernode.node.grpc.v1.OpenAccountRequest;
import io.ledgernode.node.grpc.v1.RegisterAssetRequest;
import io.ledgernode.node.grpc.v1.TransferRequest;
import io.ledgernode.node.grpc.v1.WatchTransactionsRequest;
import io.ledgernode.node.grpc.v1.WriteReply;
import io.ledgernode.node.grpc.v1.WriteStatus;
import io.ledgernode.node.testing.Observers;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC API over a real HTTP/2 connection against the node started by scripts/ledger up (real network, real
 * mirror): a wallet's day, a live WatchTransactions stream, and the forbidden paths with their status codes. The
 * standard health and reflection services are held by GrpcServicesTest, without a network.
 */
class GrpcWalletIT {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static NodeFixture node;
    private static ManagedChannel channel;

    @BeforeAll
    static void connect() {
        node = NodeFixture.locate();
        channel = Grpc.newChannelBuilder(node.grpcAddress, InsecureChannelCredentials.create()).build();
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void a_wallet_moves_money_reads_it_back_and_watches_its_account_over_grpc() throws Exception {
        String asset = "G" + node.run;
        String alice = "grpc-alice-" + node.run;
        String bob = "grpc-bob-" + node.run;
        var issuer = ledger(node.token(Role.ISSUER));
        var operator = ledger(node.token(Role.OPERATOR));
        var wallet = ledger(node.token(Set.of(Role.WALLET), Set.of(alice), Optional.empty()));
        var watcher = LedgerGrpc.newStub(authorized(node.token(Set.of(Role.WALLET), Set.of(alice), Optional.empty())));

        assertThat(issuer.registerAsset(RegisterAssetRequest.newBuilder().setIdempotencyKey("a-" + node.run).setCode(asset)
                .setDecimals(0).build()).getStatus()).isEqualTo(WriteStatus.COMMITTED);
        for (String id : List.of(alice, bob)) {
            operator.openAccount(OpenAccountRequest.newBuilder().setIdempotencyKey("o-" + id).setId(id).setAsset(asset)
                    .setOwnerRef("cust-" + id).setJurisdiction("DE").build());
        }
        WriteReply minted = issuer.mint(MintRequest.newBuilder().setIdempotencyKey("m-" + node.run).setAccount(alice).setAmount("10000").build());

        // Follow alice from the mint's block on: the mint first, then the transfer that has not happened yet.
        BlockingQueue<AccountTransaction> seen = new LinkedBlockingQueue<>();
        List<Throwable> streamErrors = new CopyOnWriteArrayList<>();
        var watch = io.grpc.Context.current().withCancellation();
        watch.run(() -> watcher.watchTransactions(WatchTransactionsRequest.newBuilder().setAccountId(alice)
                .setFromBlock(minted.getBlockNumber()).build(), Observers.of(seen::add, streamErrors::add)));
        AccountTransaction mint = seen.poll(20, TimeUnit.SECONDS);
        assertThat(mint).as("the mint, streamed %s", streamErrors).isNotNull();
        assertThat(mint.getKind()).isEqualTo("MINT");
        assertThat(mint.getAmount()).isEqualTo("10000");

        WriteReply sent = wallet.transfer(TransferRequest.newBuilder().setIdempotencyKey("t-" + node.run).setFrom(alice).setTo(bob)
                .setAsset(asset).setAmount("2500").build());
        assertThat(sent.getStatus()).isEqualTo(WriteStatus.COMMITTED);
        assertThat(sent.getValidationCode()).isEqualTo("VALID");
        AccountTransaction debit = seen.poll(20, TimeUnit.SECONDS);
        assertThat(debit).as("the transfer, streamed live").isNotNull();
        assertThat(debit.getKind()).isEqualTo("DEBIT");
        assertThat(debit.getTxId()).isEqualTo(sent.getTxId());
        assertThat(debit.getBlockNumber()).isEqualTo(sent.getBlockNumber());
        watch.cancel(null);

        Account account = wallet.getAccount(GetAccountRequest.newBuilder().setId(alice).setMinBlock(sent.getBlockNumber()).build());
        assertThat(account.getBalance()).isEqualTo("7500");
        assertThat(account.getMirrorHeight()).isGreaterThan(sent.getBlockNumber());
        assertThat(wallet.listAccountTransactions(ListAccountTransactionsRequest.newBuilder().setAccountId(alice).setLimit(10).build())
                .getEntriesList()).extracting(AccountTransaction::getKind).containsExactly("DEBIT", "MINT");

        WriteReply replay = wallet.transfer(TransferRequest.newBuilder().setIdempotencyKey("t-" + node.run).setFrom(alice).setTo(bob)
                .setAsset(asset).setAmount("2500").build());
        assertThat(replay.getResultJson()).as("same key, same request: the original outcome").isEqualTo(sent.getResultJson());
        assertThat(replay.getTxId()).as("the original transaction, no replay of its own").isEqualTo(sent.getTxId());
        assertThat(replay.getBlockNumber()).as("the original's block").isEqualTo(sent.getBlockNumber());
        assertRefused(() -> wallet.transfer(TransferRequest.newBuilder().setIdempotencyKey("t-" + node.run).setFrom(alice).setTo(bob)
                .setAsset(asset).setAmount("2501").build()), Status.Code.ALREADY_EXISTS, "IDEMPOTENCY_CONFLICT");
    }

    @Test
    void forbidden_and_malformed_calls_get_their_status_and_code_and_reach_nothing() {
        String mine = "grpc-mine-" + node.run;
        var wallet = ledger(node.token(Set.of(Role.WALLET), Set.of(mine), Optional.empty()));

        assertRefused(() -> LedgerGrpc.newBlockingStub(channel).getAccount(GetAccountRequest.newBuilder().setId(mine).build()),
                Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        assertRefused(() -> ledger("not-a-token").getAccount(GetAccountRequest.newBuilder().setId(mine).build()),
                Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        assertRefused(() -> wallet.mint(MintRequest.newBuilder().setIdempotencyKey("m").setAccount(mine).setAmount("1").build()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertRefused(() -> wallet.getAccount(GetAccountRequest.newBuilder().setId("grpc-someone-else").build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertRefused(() -> wallet.transfer(TransferRequest.newBuilder().setIdempotencyKey("t").setFrom(mine).setTo("b")
                .setAsset("USD").setAmount("1.5").build()), Status.Code.INVALID_ARGUMENT, "INVALID_AMOUNT");
        assertRefused(() -> wallet.transfer(TransferRequest.newBuilder().setFrom(mine).setTo("b").setAsset("USD").setAmount("1").build()),
                Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT");
    }

    private static LedgerGrpc.LedgerBlockingStub ledger(String token) {
        return LedgerGrpc.newBlockingStub(authorized(token)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private static Channel authorized(String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static void assertRefused(Runnable call, Status.Code status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(status);
            assertThat(e.getTrailers() == null ? null : e.getTrailers().get(ERROR_CODE)).isEqualTo(code);
        });
    }
}
