package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.PagedRequest;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:holds} and {@code Accounts:history}: one page of an account's records. {@code pageSize} is optional
 * (default and maximum: the configured {@code pageSizeMax}); {@code bookmark} is the opaque value of the previous page,
 * empty or absent for the first page.
 */
public final class PageRequest extends PagedRequest {
    private final String account;

    private PageRequest(final String account, final Integer pageSize, final String bookmark) {
        super(pageSize, bookmark);
        this.account = account;
    }

    /** A page request; null page size means the configured maximum, null bookmark the first page. */
    @JsonCreator
    public static PageRequest of(@JsonProperty("account") final String account,
            @JsonProperty("pageSize") final Integer pageSize, @JsonProperty("bookmark") final String bookmark) {
        // The account is checked first, as a rejection names the first bad field.
        return new PageRequest(Require.accountId("account", account), pageSize, bookmark);
    }

    public String account() {
        return account;
    }
}
