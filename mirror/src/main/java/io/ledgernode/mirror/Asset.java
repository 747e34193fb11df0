package io.ledgernode.mirror;

import java.util.Objects;

/**
 * A row of {@link MirrorTables#ASSETS}: an asset with its supply after the last mirrored block.
 *
 * @param code the asset code
 * @param decimals the decimals its amounts are shown with
 * @param supply integer minor units in existence
 * @param blockNumber the block that registered it
 * @param txId the transaction that registered it
 */
public record Asset(String code, int decimals, long supply, long blockNumber, String txId) {

    public Asset {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(txId, "txId");
        if (decimals < 0 || supply < 0) {
            throw new IllegalArgumentException("asset " + code + " with " + decimals + " decimals and supply " + supply);
        }
    }
}
