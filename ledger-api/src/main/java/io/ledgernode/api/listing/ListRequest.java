package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.PagedRequest;

/**
 * {@code Accounts:list} and {@code Assets:list}: {@code {"pageSize":100,"bookmark":""}}. {@code pageSize} is optional
 * (default and maximum: the configured {@code pageSizeMax}); {@code bookmark} is the opaque value of the previous
 * page, empty or absent for the first page.
 */
public final class ListRequest extends PagedRequest {

    private ListRequest(final Integer pageSize, final String bookmark) {
        super(pageSize, bookmark);
    }

    @JsonCreator
    public static ListRequest of(@JsonProperty("pageSize") final Integer pageSize,
            @JsonProperty("bookmark") final String bookmark) {
        return new ListRequest(pageSize, bookmark);
    }
}
