package io.ledgernode.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.grpc.v1.AccountToOpen;
import io.ledgernode.node.grpc.v1.BurnRequest;
import io.ledgernode.node.grpc.v1.CaptureHoldRequest;
import io.ledgernode.node.grpc.v1.FreezeRequest;
import io.ledgernode.node.grpc.v1.MintRequest;
import io.ledgernode.node.grpc.v1.OpenAccountRequest;
import io.ledgernode.node.grpc.v1.OpenAccountsRequest;
import io.ledgernode.node.grpc.v1.PlaceHoldRequest;
import io.ledgernode.node.grpc.v1.RegisterAssetRequest;
import io.ledgernode.node.grpc.v1.SetLimitsRequest;
import io.ledgernode.node.grpc.v1.TransferBatchRequest;
import io.ledgernode.node.grpc.v1.TransferLeg;
import io.ledgernode.node.grpc.v1.TransferRequest;
import io.ledgernode.node.http.Json;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a gRPC write becomes its ledger-api request straight from the proto message, and every message (good or
 * bad, empty fields included) comes out exactly as it did through proto3 JSON and the REST body's reading: the same
 * request JSON to the chain, or the same refusal with the same code and message.
 */
class ProtoRequestsTest {

    private static final String KEY = "0123456789abcdef:k1";

    @Test
    void transfers_are_built_as_their_proto_json_was_read() {
        TransferRequest good = TransferRequest.newBuilder().setIdempotencyKey("k1").setFrom("alice").setTo("bob").setAsset("USD")
                .setAmount("10").build();
        for (TransferRequest transfer : new TransferRequest[] {good, good.toBuilder().setReference("rent").build(),
                good.toBuilder().setAmount("").build(), good.toBuilder().setAmount("0").build(), good.toBuilder().setAmount("1e3").build(),
                good.toBuilder().setFrom("").setAmount("x").build(), good.toBuilder().setFrom("-a").build(),
                good.toBuilder().setReference("r".repeat(141)).build(), TransferRequest.getDefaultInstance()}) {
            assertSame(transfer, ProtoRequests.transfer(transfer), io.ledgernode.api.money.TransferRequest.class);
        }
        TransferLeg leg = TransferLeg.newBuilder().setFrom("a").setTo("b").setAsset("USD").setAmount("1").build();
        for (TransferBatchRequest batch : new TransferBatchRequest[] {TransferBatchRequest.newBuilder().addLegs(leg).addLegs(leg).build(),
                TransferBatchRequest.getDefaultInstance(), TransferBatchRequest.newBuilder().addLegs(TransferLeg.getDefaultInstance()).build(),
                TransferBatchRequest.newBuilder().addLegs(leg).addLegs(leg.toBuilder().setAmount("0")).build()}) {
            assertSame(batch, ProtoRequests.transferBatch(batch), io.ledgernode.api.money.TransferBatchRequest.class);
        }
    }

    @Test
    void every_other_write_is_built_as_its_proto_json_was_read() {
        for (MintRequest mint : new MintRequest[] {MintRequest.newBuilder().setAccount("alice").setAmount("5").build(),
                MintRequest.newBuilder().setAccount("alice").build(), MintRequest.getDefaultInstance()}) {
            assertSame(mint, ProtoRequests.mint(mint), io.ledgernode.api.money.MintRequest.class);
        }
        BurnRequest burn = BurnRequest.newBuilder().setAccount("alice").setAmount("-1").build();
        assertSame(burn, ProtoRequests.burn(burn), io.ledgernode.api.money.BurnRequest.class);
        PlaceHoldRequest place = PlaceHoldRequest.newBuilder().setHoldId("h1").setAccount("a").setAmount("5")
                .setExpiresAt("2030-01-01T00:00:00Z").build();
        for (PlaceHoldRequest hold : new PlaceHoldRequest[] {place, place.toBuilder().setPayee("bob").build(),
                place.toBuilder().setExpiresAt("soon").build(), PlaceHoldRequest.getDefaultInstance()}) {
            assertSame(hold, ProtoRequests.placeHold(hold), io.ledgernode.api.hold.PlaceHoldRequest.class);
        }
        for (OpenAccountRequest open : new OpenAccountRequest[] {OpenAccountRequest.newBuilder().setId("a").setAsset("USD")
                .setOwnerRef("o-1").setJurisdiction("DE").build(), OpenAccountRequest.newBuilder().setId("a").build()}) {
            // Every write carries its key to the chain, where a retry under it replays the first answer.
            ObjectNode tree = tree(open, "idempotencyKey").put("idempotencyKey", KEY);
            assertThat(outcome(() -> ProtoRequests.open(open).withKey(KEY)))
                    .isEqualTo(outcome(() -> LedgerJson.read(tree.toString(), io.ledgernode.api.account.OpenAccountRequest.class)));
        }
        for (CaptureHoldRequest capture : new CaptureHoldRequest[] {CaptureHoldRequest.newBuilder().setHoldId("h1").setTo("bob")
                .setAmount("1").build(), CaptureHoldRequest.newBuilder().setHoldId("h1").build()}) {
            ObjectNode tree = tree(capture, "idempotencyKey", "holdId");
            tree.put("idempotencyKey", KEY).put("holdId", capture.getHoldId());
            assertThat(outcome(() -> ProtoRequests.captureHold(capture).withKey(KEY)))
                    .isEqualTo(outcome(() -> LedgerJson.read(tree.toString(), io.ledgernode.api.hold.CaptureHoldRequest.class)));
        }
        for (FreezeRequest freeze : new FreezeRequest[] {FreezeRequest.newBuilder().setAccount("alice").setReason("court order").build(),
                FreezeRequest.newBuilder().setAccount("alice").build(), FreezeRequest.getDefaultInstance()}) {
            ObjectNode tree = tree(freeze, "idempotencyKey", "account").put("account", freeze.getAccount()).put("idempotencyKey", KEY);
            assertThat(outcome(() -> ProtoRequests.freeze(freeze).withKey(KEY)))
                    .isEqualTo(outcome(() -> LedgerJson.read(tree.toString(), io.ledgernode.api.compliance.FreezeRequest.class)));
        }
        for (RegisterAssetRequest asset : new RegisterAssetRequest[] {RegisterAssetRequest.newBuilder().setCode("EUR").setDecimals(2).build(),
                RegisterAssetRequest.newBuilder().setCode("EUR").build(), RegisterAssetRequest.getDefaultInstance(),
                RegisterAssetRequest.newBuilder().setCode("EUR").setDecimals(-1).build()}) {
            String json = Json.MAPPER.createObjectNode().put("code", asset.getCode()).put("decimals", asset.getDecimals())
                    .put("idempotencyKey", KEY).toString();
            assertThat(outcome(() -> ProtoRequests.registerAsset(asset).withKey(KEY)))
                    .isEqualTo(outcome(() -> LedgerJson.read(json, io.ledgernode.api.asset.RegisterAssetRequest.class)));
        }
    }

    @Test
    void bulk_opening_and_limits_are_built_as_their_proto_json_was_read() {
        AccountToOpen account = AccountToOpen.newBuilder().setId("a").setAsset("USD").setOwnerRef("o-1").setJurisdiction("DE").build();
        for (OpenAccountsRequest open : new OpenAccountsRequest[] {OpenAccountsRequest.newBuilder().addAccounts(account)
                .addAccounts(account.toBuilder().setId("b")).build(), OpenAccountsRequest.getDefaultInstance(),
                OpenAccountsRequest.newBuilder().addAccounts(account).addAccounts(account).build(),
                OpenAccountsRequest.newBuilder().addAccounts(account.toBuilder().setJurisdiction("")).build()}) {
            assertSame(open, ProtoRequests.openMany(open), io.ledgernode.api.account.OpenAccountsRequest.class);
        }
        SetLimitsRequest limits = SetLimitsRequest.newBuilder().setAccount("alice").setPerTransferMax("100").setDailyDebitMax("500").build();
        for (SetLimitsRequest set : new SetLimitsRequest[] {limits, limits.toBuilder().clearDailyDebitMax().build(),
                SetLimitsRequest.newBuilder().setAccount("alice").build(), limits.toBuilder().setPerTransferMax("0").build(),
                SetLimitsRequest.getDefaultInstance()}) {
            ObjectNode tree = tree(set, "idempotencyKey", "account").put("account", set.getAccount()).put("idempotencyKey", KEY);
            assertThat(outcome(() -> ProtoRequests.setLimits(set).withKey(KEY))).as(set.toString())
                    .isEqualTo(outcome(() -> LedgerJson.read(tree.toString(), io.ledgernode.api.compliance.SetLimitsRequest.class)));
        }
    }

    /** The message as proto3 JSON, the key written in, read as the request type: the way before issue 11. */
    private static void assertSame(Message message, WriteRequest<?> built, Class<?> type) {
        ObjectNode tree = tree(message, "idempotencyKey").put("idempotencyKey", KEY);
        assertThat(outcome(() -> built.withKey(KEY))).as(message.toString())
                .isEqualTo(outcome(() -> LedgerJson.read(tree.toString(), type)));
    }

    private static ObjectNode tree(Message message, String... dropped) {
        try {
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(JsonFormat.printer().omittingInsignificantWhitespace().print(message));
            for (String field : dropped) {
                tree.remove(field);
            }
            return tree;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(Supplier<?> building) {
        try {
            return "sent " + LedgerJson.writeString(building.get());
        } catch (LedgerException e) {
            return "refused " + e.code() + ": " + e.getMessage();
        }
    }
}
