package io.ledgernode.proof.bundle;

import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.money.Entry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/** One balance effect as the bundle states it, in the chaincode event's own terms ({@code docs/chaincode-api.md}). */
public record ClaimedEntry(String account, String asset, String kind, String amount, String holdId) {
    public ClaimedEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    /** A ledger event's entry in the bundle's terms: the kind's name, the amount in decimal minor units. */
    public static ClaimedEntry of(Entry entry) {
        return new ClaimedEntry(entry.account(), entry.asset(), entry.kind().name(), entry.amount().toString(),
                entry.holdId());
    }

    /**
     * The entries of a chaincode event, read with the ledger's own event classes (none without an event); a payload
     * that is not one of its events is refused with their {@code LedgerException}.
     */
    public static List<ClaimedEntry> ofEvent(Optional<ChaincodeEvent> event) {
        return event.map(e -> LedgerEvents.parse(e.getEventName(), e.getPayload().toByteArray()).entries().stream()
                .map(ClaimedEntry::of).toList()).orElse(List.of());
    }

    @Override
    public String toString() {
        return kind + " " + amount + " " + asset + " " + account + (holdId == null ? "" : " hold " + holdId);
    }
}
