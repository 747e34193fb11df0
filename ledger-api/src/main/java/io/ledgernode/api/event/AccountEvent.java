package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.money.Entry;
import java.util.List;

/**
 * {@code ACCOUNT_FROZEN}, {@code ACCOUNT_UNFROZEN} and {@code LIMITS_SET}: the account record after the change, and
 * the reason of a freeze (null otherwise).
 */
public final class AccountEvent extends LedgerEvent {
    private final Account account;
    private final String reason;

    private AccountEvent(final EventType type, final String txId, final String timestamp, final List<Entry> entries,
            final Account account, final String reason) {
        super(type, AccountEvent.class, txId, timestamp, entries);
        this.account = Require.present("account", account);
        this.reason = Require.optionalText("reason", reason);
    }

    @JsonCreator
    static AccountEvent fromJson(@JsonProperty("type") final EventType type, @JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp, @JsonProperty("entries") final List<Entry> entries,
            @JsonProperty("account") final Account account, @JsonProperty("reason") final String reason) {
        return new AccountEvent(type, txId, timestamp, entries, account, reason);
    }

    /** An account event; {@code reason} is null except for a freeze. */
    public static AccountEvent of(final EventType type, final String txId, final String timestamp,
            final Account account, final String reason) {
        return new AccountEvent(type, txId, timestamp, List.of(), account, reason);
    }

    public Account account() {
        return account;
    }

    /** The freeze reason, or null. */
    public String reason() {
        return reason;
    }
}
