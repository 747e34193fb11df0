package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.List;

/**
 * {@code Money:transferPack}: independent single transfers packed into one transaction by the node that serves their
 * sending account (so concurrent debits of one account do not conflict with each other). Each item is exactly a
 * {@code Money:transfer} request, under its own idempotency key, and succeeds or fails on its own; at most
 * {@code batchLegsMax} items. The pack itself carries no key: every item is recorded under its own.
 */
public final class TransferPackRequest {
    private final List<TransferRequest> items;

    private TransferPackRequest(final List<TransferRequest> items) {
        this.items = Require.nonEmptyList("items", items);
    }

    @JsonCreator
    public static TransferPackRequest of(@JsonProperty("items") final List<TransferRequest> items) {
        return new TransferPackRequest(items);
    }

    /** The transfers, in the order they are applied (immutable). */
    public List<TransferRequest> items() {
        return items;
    }
}
