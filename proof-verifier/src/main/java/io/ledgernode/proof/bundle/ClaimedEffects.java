package io.ledgernode.proof.bundle;

import java.util.List;
import java.util.Objects;

/**
 * What the transaction does, as the bundle states it: the chaincode and function invoked, its event and balance
 * entries, and its world-state writes. {@code applied} is false for an invalid transaction: its writes were proposed
 * and endorsed but never applied.
 *
 * @param eventName null when the transaction set no chaincode event
 */
public record ClaimedEffects(boolean applied, String chaincode, String function, String eventName,
                             List<ClaimedEntry> entries, List<ClaimedWrite> writes) {
    public ClaimedEffects {
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(function, "function");
        entries = List.copyOf(entries);
        writes = List.copyOf(writes);
    }
}
