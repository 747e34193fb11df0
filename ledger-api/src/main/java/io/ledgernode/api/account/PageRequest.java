package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:holds} and {@code Accounts:history}: one page of an account's records. {@code pageSize} is optional
 * (default and maximum: the configured {@code pageSizeMax}); {@code bookmark} is the opaque value of the previous page,
 * empty or absent for the first page.
 */
public final class PageRequest {
    private final String account;
    private final Integer pageSize;
    private final String bookmark;

    private PageRequest(final String account, final Integer pageSize, final String bookmark) {
        this.account = Require.accountId("account", account);
        if (pageSize != null && pageSize < 1) {
            throw Require.invalid("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        this.bookmark = bookmark == null ? "" : bookmark;
    }

    /** A page request; null page size means the configured maximum, null bookmark the first page. */
    @JsonCreator
    public static PageRequest of(@JsonProperty("account") final String account,
            @JsonProperty("pageSize") final Integer pageSize, @JsonProperty("bookmark") final String bookmark) {
        return new PageRequest(account, pageSize, bookmark);
    }

    public String account() {
        return account;
    }

    /** The page size asked for, or null for the configured maximum. */
    public Integer pageSize() {
        return pageSize;
    }

    /** The bookmark, empty for the first page. */
    public String bookmark() {
        return bookmark;
    }
}
