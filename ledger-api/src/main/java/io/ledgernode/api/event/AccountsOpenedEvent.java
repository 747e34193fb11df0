package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.money.Entry;
import java.util.List;

/** {@code ACCOUNTS_OPENED}: the full records of the accounts opened (one for {@code open}, all for {@code openMany}). */
public final class AccountsOpenedEvent extends LedgerEvent {
    private final List<Account> accounts;

    private AccountsOpenedEvent(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final List<Account> accounts) {
        super(type, AccountsOpenedEvent.class, txId, timestamp, entries);
        this.accounts = Require.nonEmptyList("accounts", accounts);
    }

    @JsonCreator
    static AccountsOpenedEvent fromJson(@JsonProperty("type") final EventType type,
            @JsonProperty("txId") final String txId, @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("entries") final List<Entry> entries,
            @JsonProperty("accounts") final List<Account> accounts) {
        return new AccountsOpenedEvent(type, txId, timestamp, entries, accounts);
    }

    public static AccountsOpenedEvent of(final String txId, final String timestamp, final List<Account> accounts) {
        return new AccountsOpenedEvent(EventType.ACCOUNTS_OPENED, txId, timestamp, List.of(), accounts);
    }

    public List<Account> accounts() {
        return accounts;
    }
}
