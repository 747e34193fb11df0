package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.List;

/** The result of {@code Money:transferPack}: one outcome per item, in the request's order. */
public final class TransferPackResult {
    private final List<PackedOutcome> items;

    private TransferPackResult(final List<PackedOutcome> items) {
        this.items = Require.list("items", items);
    }

    @JsonCreator
    public static TransferPackResult of(@JsonProperty("items") final List<PackedOutcome> items) {
        return new TransferPackResult(items);
    }

    public List<PackedOutcome> items() {
        return items;
    }
}
