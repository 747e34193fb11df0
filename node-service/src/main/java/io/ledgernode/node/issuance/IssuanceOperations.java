package io.ledgernode.node.issuance;

import io.ledgernode.api.Transactions;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.chain.WriteResult;

/** The issuer's writes, whatever the transport: register an asset, mint, burn. */
public final class IssuanceOperations {

    private final LedgerWriter writer;

    public IssuanceOperations(LedgerWriter writer) {
        this.writer = writer;
    }

    /** {@code {"code","decimals"}}. */
    public WriteResult register(Caller caller, String idempotencyKey, WriteRequest<RegisterAssetRequest> request) {
        return writer.submit(Transactions.ASSETS_REGISTER, caller, idempotencyKey, request, Role.ISSUER);
    }

    /** {@code {"account","amount"}}: new money into an account. */
    public WriteResult mint(Caller caller, String idempotencyKey, WriteRequest<MintRequest> request) {
        return writer.submit(Transactions.MONEY_MINT, caller, idempotencyKey, request, Role.ISSUER);
    }

    /** {@code {"account","amount"}}: money out of an issuer-custodied account (redemption). */
    public WriteResult burn(Caller caller, String idempotencyKey, WriteRequest<BurnRequest> request) {
        return writer.submit(Transactions.MONEY_BURN, caller, idempotencyKey, request, Role.ISSUER);
    }
}
