package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import java.util.List;

/**
 * {@code CREDITS_CONSOLIDATED}: pending credits of an account folded into its settled balance. It moves no money
 * (balance, held and supply are unchanged: the credits were already part of the balance), so it has no entries; it
 * says which account, how many credits and their sum, for the mirror's bookkeeping of unfolded credits.
 */
public final class CreditsConsolidatedEvent extends LedgerEvent {
    private final String account;
    private final int credits;
    private final Amount amount;

    private CreditsConsolidatedEvent(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final String account, final Integer credits, final Amount amount) {
        super(type, CreditsConsolidatedEvent.class, txId, timestamp, entries);
        if (!entries().isEmpty()) {
            throw Require.invalid("a consolidation moves no money and has no entries");
        }
        this.account = Require.accountId("account", account);
        this.credits = Require.within("credits", credits, 1, Integer.MAX_VALUE);
        this.amount = Require.positive("amount", amount);
    }

    @JsonCreator
    static CreditsConsolidatedEvent fromJson(@JsonProperty("type") final EventType type,
            @JsonProperty("txId") final String txId, @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("entries") final List<Entry> entries, @JsonProperty("account") final String account,
            @JsonProperty("credits") final Integer credits, @JsonProperty("amount") final Amount amount) {
        return new CreditsConsolidatedEvent(type, txId, timestamp, entries, account, credits, amount);
    }

    public static CreditsConsolidatedEvent of(final String txId, final String timestamp, final String account,
            final int credits, final Amount amount) {
        return new CreditsConsolidatedEvent(EventType.CREDITS_CONSOLIDATED, txId, timestamp, List.of(), account,
                credits, amount);
    }

    public String account() {
        return account;
    }

    /** How many pending credits were folded. */
    public int credits() {
        return credits;
    }

    /** Their sum. */
    public Amount amount() {
        return amount;
    }
}
