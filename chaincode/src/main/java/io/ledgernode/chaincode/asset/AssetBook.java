package io.ledgernode.chaincode.asset;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.asset.Asset;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.asset.Supply;
import io.ledgernode.api.event.AssetRegisteredEvent;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.tx.Tx;

/**
 * Asset records and supplies. The supply of an asset is written only by mint and burn (both by the issuer), and always
 * equals the sum of the asset's balances plus its open holds.
 */
public final class AssetBook {
    private final LedgerState state;

    public AssetBook(final LedgerState state) {
        this.state = state;
    }

    /** Registers an asset with supply 0. */
    public Asset register(final Tx tx, final RegisterAssetRequest request) {
        final Asset asset = request.toAsset();
        if (state.exists(Keys.asset(asset.code()))) {
            throw new LedgerException(ErrorCode.ASSET_EXISTS, "asset " + asset.code() + " is already registered");
        }
        state.write(Keys.asset(asset.code()), asset);
        state.write(Keys.supply(asset.code()), Supply.of(asset.code(), Amount.ZERO));
        tx.emit(AssetRegisteredEvent.of(tx.txId(), tx.timestamp(), asset));
        return asset;
    }

    /** The asset; {@link ErrorCode#UNKNOWN_ASSET} if it is not registered. */
    public Asset require(final String code) {
        return state.read(Keys.asset(code), Asset.class).orElseThrow(() ->
                new LedgerException(ErrorCode.UNKNOWN_ASSET, "asset " + code + " is not registered"));
    }

    /** The asset's supply; {@link ErrorCode#UNKNOWN_ASSET} if it is not registered. */
    public Supply supply(final String code) {
        return state.read(Keys.supply(code), Supply.class).orElseThrow(() ->
                new LedgerException(ErrorCode.UNKNOWN_ASSET, "asset " + code + " is not registered"));
    }

    /** Adds minted money to the supply; {@link ErrorCode#AMOUNT_OVERFLOW} beyond 64 bits. */
    public void increaseSupply(final String code, final Amount amount) {
        state.write(Keys.supply(code), Supply.of(code, supply(code).supply().plus(amount)));
    }

    /** Removes burned money from the supply (the burn already took it from a balance, so it cannot go negative). */
    public void decreaseSupply(final String code, final Amount amount) {
        final Amount current = supply(code).supply();
        if (current.isLessThan(amount)) {
            throw new IllegalStateException("supply of " + code + " " + current + " is below the burn " + amount);
        }
        state.write(Keys.supply(code), Supply.of(code, current.minus(amount)));
    }
}
