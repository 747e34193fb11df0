package io.ledgernode.node.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.Requests;

/** The issuer's writes, whatever the transport: register an asset, mint, burn. */
public final class IssuanceOperations {

    private final LedgerWriter writer;

    public IssuanceOperations(LedgerWriter writer) {
        this.writer = writer;
    }

    /** {@code {"code","decimals"}}. */
    public WriteResult register(Caller caller, String idempotencyKey, ObjectNode body) {
        Requests.requireRole(caller, Role.ISSUER);
        String key = Requests.scopedKey(idempotencyKey, caller);
        RegisterAssetRequest asset = LedgerJson.read(body.toString(), RegisterAssetRequest.class);
        return new WriteResult(key, writer.submit(Transactions.ASSETS_REGISTER, LedgerJson.writeString(asset)));
    }

    /** {@code {"account","amount"}}: new money into an account. */
    public WriteResult mint(Caller caller, String idempotencyKey, ObjectNode body) {
        Requests.requireRole(caller, Role.ISSUER);
        String key = Requests.scopedKey(idempotencyKey, caller);
        MintRequest mint = LedgerJson.read(Requests.withIdempotencyKey(body, key).toString(), MintRequest.class);
        return new WriteResult(key, writer.submit(Transactions.MONEY_MINT, LedgerJson.writeString(mint)));
    }

    /** {@code {"account","amount"}}: money out of an issuer-custodied account (redemption). */
    public WriteResult burn(Caller caller, String idempotencyKey, ObjectNode body) {
        Requests.requireRole(caller, Role.ISSUER);
        String key = Requests.scopedKey(idempotencyKey, caller);
        BurnRequest burn = LedgerJson.read(Requests.withIdempotencyKey(body, key).toString(), BurnRequest.class);
        return new WriteResult(key, writer.submit(Transactions.MONEY_BURN, LedgerJson.writeString(burn)));
    }
}
