package io.ledgernode.node.grpc;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.http.ApiException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Proto write messages as the ledger-api requests they stand for, built directly (no JSON between them). A proto3
 * string field cannot be absent, only empty, and the REST API's optional fields are simply not sent: so an empty
 * string is an absent field (null) here, and each request type's own factory gives exactly the refusal the same
 * request gets over REST. Ids the path names on REST (the account frozen, the hold captured) are taken as sent.
 */
final class ProtoRequests {

    private ProtoRequests() {
    }

    /**
     * An optional block number field ({@code min_block}, {@code end_block}) read as REST reads its query parameter: a
     * negative one is the caller's mistake (400 / INVALID_ARGUMENT), never a wait for nothing. Called inside the call's
     * answer, after the caller is checked.
     */
    static OptionalLong blockNumber(String name, boolean present, long block) {
        if (!present) {
            return OptionalLong.empty();
        }
        if (block < 0) {
            throw ApiException.badRequest(name + " must be a block number (a non-negative whole number)");
        }
        return OptionalLong.of(block);
    }

    static WriteRequest<OpenAccountRequest> open(io.ledgernode.node.grpc.v1.OpenAccountRequest open) {
        return key -> OpenAccountRequest.of(key, text(open.getId()), text(open.getAsset()), text(open.getOwnerRef()),
                text(open.getJurisdiction()));
    }

    static WriteRequest<OpenAccountsRequest> openMany(io.ledgernode.node.grpc.v1.OpenAccountsRequest open) {
        return key -> {
            List<OpenAccountRequest> accounts = open.getAccountsList().stream().map(account -> OpenAccountRequest.of(text(account.getId()),
                    text(account.getAsset()), text(account.getOwnerRef()), text(account.getJurisdiction()))).toList();
            return OpenAccountsRequest.of(key, accounts.isEmpty() ? null : accounts);
        };
    }

    static WriteRequest<SetLimitsRequest> setLimits(io.ledgernode.node.grpc.v1.SetLimitsRequest limits) {
        return key -> SetLimitsRequest.of(key, limits.getAccount(), amount(limits.getPerTransferMax()), amount(limits.getDailyDebitMax()));
    }

    static WriteRequest<TransferRequest> transfer(io.ledgernode.node.grpc.v1.TransferRequest transfer) {
        return key -> TransferRequest.of(key, text(transfer.getFrom()), text(transfer.getTo()), text(transfer.getAsset()),
                amount(transfer.getAmount()), text(transfer.getReference()));
    }

    static WriteRequest<TransferBatchRequest> transferBatch(io.ledgernode.node.grpc.v1.TransferBatchRequest batch) {
        return key -> {
            List<TransferLeg> legs = batch.getLegsList().stream().map(leg -> TransferLeg.of(text(leg.getFrom()), text(leg.getTo()),
                    text(leg.getAsset()), amount(leg.getAmount()), text(leg.getReference()))).toList();
            return TransferBatchRequest.of(key, legs.isEmpty() ? null : legs);
        };
    }

    static WriteRequest<PlaceHoldRequest> placeHold(io.ledgernode.node.grpc.v1.PlaceHoldRequest place) {
        return key -> PlaceHoldRequest.of(key, text(place.getHoldId()), text(place.getAccount()), amount(place.getAmount()),
                text(place.getExpiresAt()), text(place.getPayee()));
    }

    static WriteRequest<CaptureHoldRequest> captureHold(io.ledgernode.node.grpc.v1.CaptureHoldRequest capture) {
        return key -> CaptureHoldRequest.of(key, capture.getHoldId(), text(capture.getTo()), amount(capture.getAmount()));
    }

    /** Both fields as sent: 0 decimals is a real answer, and an empty code is refused as the code it is. */
    static WriteRequest<RegisterAssetRequest> registerAsset(io.ledgernode.node.grpc.v1.RegisterAssetRequest asset) {
        return key -> RegisterAssetRequest.of(key, asset.getCode(), asset.getDecimals());
    }

    static WriteRequest<MintRequest> mint(io.ledgernode.node.grpc.v1.MintRequest mint) {
        return key -> MintRequest.of(key, text(mint.getAccount()), amount(mint.getAmount()));
    }

    static WriteRequest<BurnRequest> burn(io.ledgernode.node.grpc.v1.BurnRequest burn) {
        return key -> BurnRequest.of(key, text(burn.getAccount()), amount(burn.getAmount()));
    }

    static WriteRequest<FreezeRequest> freeze(io.ledgernode.node.grpc.v1.FreezeRequest freeze) {
        return key -> FreezeRequest.of(key, freeze.getAccount(), text(freeze.getReason()));
    }

    /** An empty proto string is an absent field. */
    private static String text(String value) {
        return value.isEmpty() ? null : value;
    }

    /** An amount as its decimal text; empty is absent (the request type says it is required). */
    private static Amount amount(String value) {
        return value.isEmpty() ? null : Amount.parse(value);
    }
}
