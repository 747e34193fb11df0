package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:list} and {@code Assets:list}: {@code {"pageSize":100,"bookmark":""}}. {@code pageSize} is optional
 * (default and maximum: the configured {@code pageSizeMax}); {@code bookmark} is the opaque value of the previous
 * page, empty or absent for the first page.
 */
public final class ListRequest {
    private final Integer pageSize;
    private final String bookmark;

    private ListRequest(final Integer pageSize, final String bookmark) {
        if (pageSize != null && pageSize < 1) {
            throw Require.invalid("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        this.bookmark = bookmark == null ? "" : bookmark;
    }

    @JsonCreator
    public static ListRequest of(@JsonProperty("pageSize") final Integer pageSize,
            @JsonProperty("bookmark") final String bookmark) {
        return new ListRequest(pageSize, bookmark);
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
