package io.ledgernode.chaincode.asset;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.listing.ListRequest;
import io.ledgernode.chaincode.listing.AssetListing;
import io.ledgernode.chaincode.tx.LedgerContract;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** {@value Transactions#ASSETS}: {@code register} (issuer only), {@code get}, {@code supply}, {@code list}. */
@Contract(name = Transactions.ASSETS, info = @Info(title = "Ledger assets", version = "1"))
public final class AssetsContract extends LedgerContract {

    /** {@code {"idempotencyKey":"a-1","code":"USD","decimals":2}} → the asset; the key may be left out. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String register(final Context ctx, final String request) {
        return keyable(ctx, Transactions.ASSETS_REGISTER, request, RegisterAssetRequest.class, LedgerContract::issuer,
                (tx, parsed) -> new AssetBook(tx.state()).register(tx, parsed));
    }

    /** {@code "USD"} → the asset. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String code) {
        return query(ctx, tx -> new AssetBook(tx.state()).require(Require.assetCode("asset", code)));
    }

    /** {@code "USD"} → {@code {"asset":"USD","supply":"..."}}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String supply(final Context ctx, final String code) {
        return query(ctx, tx -> new AssetBook(tx.state()).supply(Require.assetCode("asset", code)));
    }

    /** {@code {"pageSize":100,"bookmark":""}} → a page of every asset in code order with its supply. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(final Context ctx, final String request) {
        return query(ctx, tx -> new AssetListing(tx.state()).page(tx, LedgerJson.read(request, ListRequest.class)));
    }
}
