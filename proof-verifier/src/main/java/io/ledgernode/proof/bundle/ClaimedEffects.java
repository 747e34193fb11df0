package io.ledgernode.proof.bundle;

import io.ledgernode.blocks.ChaincodeTransaction;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

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

    /** What a chaincode transaction does, read from its endorsed envelope: the claim a node makes, and checks against. */
    public static ClaimedEffects of(ChaincodeTransaction chaincode, boolean applied) {
        return new ClaimedEffects(applied, chaincode.chaincode(), chaincode.function(),
                chaincode.event().map(ChaincodeEvent::getEventName).orElse(null), ClaimedEntry.ofEvent(chaincode.event()),
                ClaimedWrite.of(chaincode.writes()));
    }
}
