package io.ledgernode.node.scope;

import io.ledgernode.mirror.PartyEntry;
import java.util.Objects;

/**
 * One balance effect of a transaction as the mirror holds it, with its account's jurisdiction.
 *
 * @param entryIndex its position among the transaction's entries
 * @param accountId the account it moves
 * @param jurisdiction the account's jurisdiction
 * @param kind {@code MINT}, {@code BURN}, {@code DEBIT}, {@code CREDIT}, {@code HOLD}, {@code HOLD_RELEASE} or
 *     {@code HOLD_CAPTURE}
 * @param amount integer minor units, as text
 * @param asset the asset code
 * @param holdId the hold it belongs to, or null
 * @param counterparty the account on the other side of its leg, or null
 * @param reference the reference its leg carried, or null
 */
public record Entry(int entryIndex, String accountId, String jurisdiction, String kind, String amount, String asset,
        String holdId, String counterparty, String reference) {

    /** An entry with no counterparty and no reference. */
    public Entry(int entryIndex, String accountId, String jurisdiction, String kind, String amount, String asset, String holdId) {
        this(entryIndex, accountId, jurisdiction, kind, amount, asset, holdId, null, null);
    }

    public Entry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(asset, "asset");
    }

    /** The entry of a transaction as the mirror reads it ({@code MirrorView.entriesOf}). */
    public static Entry of(PartyEntry party) {
        io.ledgernode.mirror.Entry entry = party.entry();
        return new Entry(entry.entryIndex(), entry.accountId(), party.jurisdiction(), entry.kind().name(),
                Long.toString(entry.amount()), entry.asset(), entry.holdId(), entry.counterparty(), entry.reference());
    }

    /** The entry as the API shows it, every field. */
    ShownEntry shown() {
        return new ShownEntry(entryIndex, accountId, jurisdiction, kind, amount, asset, holdId, counterparty, reference);
    }

    /**
     * The entry as the API shows it on a leg outside the caller's scope: the amount, asset and kind, and in place of
     * the account an alias that means something only within this transaction ({@code other-1}, ...), so nobody can
     * follow a stranger's account from one transaction to the next. No jurisdiction, hold id, counterparty or
     * reference.
     */
    ShownEntry masked(String alias) {
        return new ShownEntry(entryIndex, alias, null, kind, amount, asset, null, null, null);
    }
}
