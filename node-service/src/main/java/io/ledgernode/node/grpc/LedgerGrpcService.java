package io.ledgernode.node.grpc;

import com.google.protobuf.Message;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.ledgernode.node.account.AccountOperations;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.chain.WriteStatusOperations;
import io.ledgernode.node.compliance.ComplianceOperations;
import io.ledgernode.node.explorer.ExplorerQueries;
import io.ledgernode.node.grpc.v1.Account;
import io.ledgernode.node.grpc.v1.AccountTransactionsPage;
import io.ledgernode.node.grpc.v1.Block;
import io.ledgernode.node.grpc.v1.BurnRequest;
import io.ledgernode.node.grpc.v1.CaptureHoldRequest;
import io.ledgernode.node.grpc.v1.FreezeRequest;
import io.ledgernode.node.grpc.v1.GetAccountRequest;
import io.ledgernode.node.grpc.v1.GetBlockRequest;
import io.ledgernode.node.grpc.v1.GetSupplyRequest;
import io.ledgernode.node.grpc.v1.GetTransactionRequest;
import io.ledgernode.node.grpc.v1.GetWriteStatusRequest;
import io.ledgernode.node.grpc.v1.LedgerGrpc;
import io.ledgernode.node.grpc.v1.ListAccountTransactionsRequest;
import io.ledgernode.node.grpc.v1.MintRequest;
import io.ledgernode.node.grpc.v1.OpenAccountRequest;
import io.ledgernode.node.grpc.v1.PlaceHoldRequest;
import io.ledgernode.node.grpc.v1.RegisterAssetRequest;
import io.ledgernode.node.grpc.v1.Supply;
import io.ledgernode.node.grpc.v1.Transaction;
import io.ledgernode.node.grpc.v1.TransferBatchRequest;
import io.ledgernode.node.grpc.v1.TransferRequest;
import io.ledgernode.node.grpc.v1.UnfreezeRequest;
import io.ledgernode.node.grpc.v1.VoidHoldRequest;
import io.ledgernode.node.grpc.v1.WatchTransactionsRequest;
import io.ledgernode.node.grpc.v1.WriteReply;
import io.ledgernode.node.grpc.v1.WriteStatus;
import com.google.protobuf.ByteString;
import io.ledgernode.node.grpc.v1.GetProofRequest;
import io.ledgernode.node.grpc.v1.ProofFile;
import io.ledgernode.node.hold.HoldOperations;
import io.ledgernode.proof.bundle.BundleWriter;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.node.proof.ProofQueries;
import io.ledgernode.node.issuance.IssuanceOperations;
import io.ledgernode.node.transfer.TransferOperations;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The gRPC {@code ledgernode.v1.Ledger} service: each call is the REST operation of the same name, through the same
 * feature class, so rules, limits and errors are the same on both transports.
 */
public final class LedgerGrpcService extends LedgerGrpc.LedgerImplBase {

    /** The feature classes both transports share. */
    public record Operations(AccountOperations accounts, TransferOperations transfers, HoldOperations holds,
                             IssuanceOperations issuance, ComplianceOperations compliance, ExplorerQueries explorer,
                             WriteStatusOperations writes, ProofQueries proofs) {
    }

    private final Operations ops;
    private final AccountWatch watch;

    public LedgerGrpcService(Operations ops, AccountWatch watch) {
        this.ops = ops;
        this.watch = watch;
    }

    @Override
    public void openAccount(OpenAccountRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.accounts().open(caller, request.getIdempotencyKey(), ProtoRequests.open(request)));
    }

    @Override
    public void openAccounts(io.ledgernode.node.grpc.v1.OpenAccountsRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.accounts().openMany(caller, request.getIdempotencyKey(), ProtoRequests.openMany(request)));
    }

    @Override
    public void transfer(TransferRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.transfers().transfer(caller, request.getIdempotencyKey(), ProtoRequests.transfer(request)));
    }

    @Override
    public void transferBatch(TransferBatchRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.transfers().transferBatch(caller, request.getIdempotencyKey(), ProtoRequests.transferBatch(request)));
    }

    @Override
    public void placeHold(PlaceHoldRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.holds().place(caller, request.getIdempotencyKey(), ProtoRequests.placeHold(request)));
    }

    @Override
    public void captureHold(CaptureHoldRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.holds().capture(caller, request.getIdempotencyKey(), request.getHoldId(),
                ProtoRequests.captureHold(request)));
    }

    @Override
    public void voidHold(VoidHoldRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.holds().voidHold(caller, request.getIdempotencyKey(), request.getHoldId()));
    }

    @Override
    public void releaseHold(io.ledgernode.node.grpc.v1.ReleaseHoldRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.holds().release(caller, request.getIdempotencyKey(), request.getHoldId()));
    }

    @Override
    public void registerAsset(RegisterAssetRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.issuance().register(caller, request.getIdempotencyKey(), ProtoRequests.registerAsset(request)));
    }

    @Override
    public void mint(MintRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.issuance().mint(caller, request.getIdempotencyKey(), ProtoRequests.mint(request)));
    }

    @Override
    public void burn(BurnRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.issuance().burn(caller, request.getIdempotencyKey(), ProtoRequests.burn(request)));
    }

    @Override
    public void freeze(FreezeRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.compliance().freeze(caller, request.getIdempotencyKey(), ProtoRequests.freeze(request)));
    }

    @Override
    public void unfreeze(UnfreezeRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.compliance().unfreeze(caller, request.getIdempotencyKey(), request.getAccount()));
    }

    @Override
    public void setLimits(io.ledgernode.node.grpc.v1.SetLimitsRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.compliance().setLimits(caller, request.getIdempotencyKey(), ProtoRequests.setLimits(request)));
    }

    @Override
    public void getWriteStatus(GetWriteStatusRequest request, StreamObserver<WriteReply> reply) {
        write(reply, caller -> ops.writes().status(caller, request.getIdempotencyKey()));
    }

    @Override
    public void getAccount(GetAccountRequest request, StreamObserver<Account> reply) {
        read(reply, caller -> ProtoAnswers.account(ops.accounts().get(caller, request.getId(), minBlock(request.hasMinBlock(), request.getMinBlock()))));
    }

    @Override
    public void listAccountTransactions(ListAccountTransactionsRequest request, StreamObserver<AccountTransactionsPage> reply) {
        Optional<String> cursor = request.getCursor().isEmpty() ? Optional.empty() : Optional.of(request.getCursor());
        Optional<String> limit = request.getLimit() == 0 ? Optional.empty() : Optional.of(Integer.toString(request.getLimit()));
        read(reply, caller -> ProtoAnswers.history(ops.accounts().history(caller, request.getAccountId(), cursor, limit, minBlock(request.hasMinBlock(), request.getMinBlock()))));
    }

    @Override
    public void getHold(io.ledgernode.node.grpc.v1.GetHoldRequest request, StreamObserver<io.ledgernode.node.grpc.v1.HoldRecord> reply) {
        read(reply, caller -> ProtoAnswers.hold(ops.holds().get(caller, request.getId(), minBlock(request.hasMinBlock(), request.getMinBlock()))));
    }

    @Override
    public void listAccountHolds(io.ledgernode.node.grpc.v1.ListAccountHoldsRequest request,
                                 StreamObserver<io.ledgernode.node.grpc.v1.HoldsPage> reply) {
        Optional<String> status = request.getStatus().isEmpty() ? Optional.empty() : Optional.of(request.getStatus());
        Optional<String> cursor = request.getCursor().isEmpty() ? Optional.empty() : Optional.of(request.getCursor());
        Optional<String> limit = request.getLimit() == 0 ? Optional.empty() : Optional.of(Integer.toString(request.getLimit()));
        read(reply, caller -> ProtoAnswers.holds(ops.holds().list(caller, request.getAccountId(), status, cursor, limit, minBlock(request.hasMinBlock(), request.getMinBlock()))));
    }

    @Override
    public void getTransaction(GetTransactionRequest request, StreamObserver<Transaction> reply) {
        read(reply, caller -> ProtoAnswers.transaction(ops.explorer().transaction(caller, request.getTxId(), minBlock(request.hasMinBlock(), request.getMinBlock()))));
    }

    @Override
    public void getBlock(GetBlockRequest request, StreamObserver<Block> reply) {
        read(reply, caller -> ProtoAnswers.block(ops.explorer().block(caller, request.getNumber())));
    }

    @Override
    public void getSupply(GetSupplyRequest request, StreamObserver<Supply> reply) {
        read(reply, caller -> ProtoAnswers.supply(ops.explorer().supply(caller)));
    }

    @Override
    public void getProof(GetProofRequest request, StreamObserver<ProofFile> reply) {
        read(reply, caller -> {
            OptionalLong endBlock = ProtoRequests.blockNumber("end_block", request.hasEndBlock(), request.getEndBlock());
            ProofBundle bundle = ops.proofs().proof(caller, request.getTxId(), endBlock);
            return ProofFile.newBuilder().setTxId(bundle.txId()).setBlockNumber(bundle.blockNumber()).setEndBlock(bundle.endBlock())
                    .setBundleJson(ByteString.copyFrom(BundleWriter.write(bundle))).build();
        });
    }

    @Override
    public void watchTransactions(WatchTransactionsRequest request, StreamObserver<io.ledgernode.node.grpc.v1.AccountTransaction> reply) {
        Caller caller = GrpcCallers.current();
        var stream = (ServerCallStreamObserver<io.ledgernode.node.grpc.v1.AccountTransaction>) reply;
        guarded(reply, () -> {
            ops.accounts().requireVisible(caller, request.getAccountId());
            watch.follow(caller, request.getAccountId(), request.getFromBlock(), stream);
            return null;
        });
    }

    private static void write(StreamObserver<WriteReply> reply, Function<Caller, WriteResult> write) {
        Caller caller = GrpcCallers.current();
        read(reply, ignored -> writeReply(write.apply(caller)));
    }

    private static <M extends Message> void read(StreamObserver<M> reply, Function<Caller, M> read) {
        Caller caller = GrpcCallers.current();
        M answer = guarded(reply, () -> read.apply(caller));
        if (answer != null) {
            reply.onNext(answer);
            reply.onCompleted();
        }
    }

    /** Runs {@code body}; a failure closes the call with its mapped status and yields null. */
    private static <T> T guarded(StreamObserver<?> reply, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            GrpcErrors.Refusal refusal = GrpcErrors.refusal(e);
            reply.onError(refusal.status().asRuntimeException(refusal.trailers()));
            return null;
        }
    }

    private static WriteReply writeReply(WriteResult result) {
        WriteReply.Builder reply = WriteReply.newBuilder().setTxId(result.written().txId()).setIdempotencyKey(result.idempotencyKey());
        switch (result.written()) {
            case LedgerWriter.Written.Done done -> reply.setStatus(WriteStatus.COMMITTED).setValidationCode("VALID")
                    .setBlockNumber(done.blockNumber()).setResultJson(done.resultJson());
            case LedgerWriter.Written.Pending pending -> reply.setStatus(WriteStatus.PENDING)
                    .setMessage("sent to the ledger; its commit status has not arrived yet. Ask GetWriteStatus with the same "
                            + "idempotency key for the final outcome, or resubmit with it: it is never applied twice");
        }
        return reply.build();
    }

    private static OptionalLong minBlock(boolean present, long block) {
        return ProtoRequests.blockNumber("min_block", present, block);
    }
}
