package io.ledgernode.chaos.workload;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Op;
import io.ledgernode.node.grpc.v1.CaptureHoldRequest;
import io.ledgernode.node.grpc.v1.LedgerGrpc;
import io.ledgernode.node.grpc.v1.PlaceHoldRequest;
import io.ledgernode.node.grpc.v1.TransferBatchRequest;
import io.ledgernode.node.grpc.v1.TransferLeg;
import io.ledgernode.node.grpc.v1.TransferRequest;
import io.ledgernode.node.grpc.v1.WriteReply;
import io.ledgernode.node.grpc.v1.WriteStatus;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** node-service's gRPC API (its own port, HTTP/2 cleartext on loopback), as a grpc-java client calls it. */
public final class GrpcBank implements BankApi {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ERROR_CODE =
            Metadata.Key.of("ledger-error-code", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final LedgerGrpc.LedgerBlockingStub stub;
    private final String asset;
    private final Duration timeout;

    public GrpcBank(String host, int port, String token, String asset, Duration timeout) {
        this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
        this.stub = LedgerGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
        this.asset = asset;
        this.timeout = timeout;
    }

    @Override
    public String transport() {
        return "grpc";
    }

    @Override
    public Answer send(Op op, String key) {
        LedgerGrpc.LedgerBlockingStub call = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            WriteReply reply = switch (op) {
                case Op.Transfer t -> call.transfer(TransferRequest.newBuilder().setIdempotencyKey(key).setFrom(t.from())
                        .setTo(t.to()).setAsset(asset).setAmount(Long.toString(t.amount())).build());
                case Op.Batch b -> call.transferBatch(TransferBatchRequest.newBuilder().setIdempotencyKey(key)
                        .addAllLegs(b.legs().stream().map(this::leg).toList()).build());
                case Op.PlaceHold h -> call.placeHold(PlaceHoldRequest.newBuilder().setIdempotencyKey(key)
                        .setHoldId(h.holdId()).setAccount(h.account()).setAmount(Long.toString(h.amount()))
                        .setExpiresAt(Workload.HOLD_EXPIRY.toString()).setPayee(h.payee()).build());
                case Op.CaptureHold c -> call.captureHold(CaptureHoldRequest.newBuilder().setIdempotencyKey(key)
                        .setHoldId(c.holdId()).setTo(c.to()).setAmount(Long.toString(c.amount())).build());
            };
            return reply.getStatus() == WriteStatus.COMMITTED ? new Answer.Ok(reply.getTxId(), reply.getBlockNumber())
                    : new Answer.Pending(reply.getTxId());
        } catch (StatusRuntimeException e) {
            return answer(e.getStatus(), e.getTrailers());
        }
    }

    private TransferLeg leg(Op.Transfer t) {
        return TransferLeg.newBuilder().setFrom(t.from()).setTo(t.to()).setAsset(asset)
                .setAmount(Long.toString(t.amount())).build();
    }

    /** The node's code when it answered; otherwise what grpc-java says about the call itself. */
    static Answer answer(Status status, Metadata trailers) {
        String code = trailers == null ? null : trailers.get(ERROR_CODE);
        if (code != null) {
            return Answers.ofError(httpLike(status.getCode()), code);
        }
        return switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> new Answer.Timeout("DEADLINE_EXCEEDED");
            case UNAVAILABLE, CANCELLED, UNKNOWN, INTERNAL -> new Answer.ConnectionError(status.getCode() + ": "
                    + status.getDescription());
            default -> Answers.ofError(httpLike(status.getCode()), "GRPC_" + status.getCode());
        };
    }

    /** Only to tell "retry" from "refused" the way the REST answer's status does. */
    private static int httpLike(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE, INTERNAL, UNKNOWN, DEADLINE_EXCEEDED -> 503;
            case RESOURCE_EXHAUSTED -> 429;
            default -> 400;
        };
    }

    private static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
