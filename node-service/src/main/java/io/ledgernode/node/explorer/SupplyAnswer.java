package io.ledgernode.node.explorer;

import io.ledgernode.mirror.Asset;
import java.util.List;

/** Every asset's supply as the API answers it (REST as JSON, gRPC as {@code Supply}), amounts as decimal text. */
public record SupplyAnswer(List<Line> assets, long mirrorHeight) {

    public SupplyAnswer {
        assets = List.copyOf(assets);
    }

    /** One asset: its code, decimals and supply in integer minor units. */
    public record Line(String code, int decimals, String supply) {

        static Line of(Asset asset) {
            return new Line(asset.code(), asset.decimals(), Long.toString(asset.supply()));
        }
    }

    static SupplyAnswer of(List<Asset> assets, long mirrorHeight) {
        return new SupplyAnswer(assets.stream().map(Line::of).toList(), mirrorHeight);
    }
}
