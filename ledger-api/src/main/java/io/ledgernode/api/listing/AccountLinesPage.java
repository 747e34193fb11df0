package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.List;

/** {@code Accounts:list}: accounts in id order (byte order of the ids), and the bookmark of the next page. */
public final class AccountLinesPage {
    private final List<AccountLine> accounts;
    private final String bookmark;

    private AccountLinesPage(final List<AccountLine> accounts, final String bookmark) {
        this.accounts = Require.list("accounts", accounts);
        this.bookmark = Require.present("bookmark", bookmark);
    }

    @JsonCreator
    public static AccountLinesPage of(@JsonProperty("accounts") final List<AccountLine> accounts,
            @JsonProperty("bookmark") final String bookmark) {
        return new AccountLinesPage(accounts, bookmark);
    }

    public List<AccountLine> accounts() {
        return accounts;
    }

    /** The bookmark of the next page; empty when this is the last page. */
    public String bookmark() {
        return bookmark;
    }
}
