package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Page;
import java.util.List;

/** {@code Accounts:list}: accounts in id order (byte order of the ids), and the bookmark of the next page. */
public final class AccountLinesPage extends Page<AccountLine> {

    private AccountLinesPage(final List<AccountLine> accounts, final String bookmark) {
        super("accounts", accounts, bookmark);
    }

    @JsonCreator
    public static AccountLinesPage of(@JsonProperty("accounts") final List<AccountLine> accounts,
            @JsonProperty("bookmark") final String bookmark) {
        return new AccountLinesPage(accounts, bookmark);
    }

    @JsonProperty("accounts")
    public List<AccountLine> accounts() {
        return items();
    }
}
