package io.ledgernode.api;

/**
 * What every paged read asks for: {@code pageSize}, optional (default and maximum: the configured
 * {@code pageSizeMax}), and {@code bookmark}, the opaque value of the previous page, empty or absent for the first
 * page. Each request type adds what it pages over.
 */
public abstract class PagedRequest {
    private final Integer pageSize;
    private final String bookmark;

    /** Checks the page size (null or at least 1); a null bookmark is the first page. */
    protected PagedRequest(final Integer pageSize, final String bookmark) {
        if (pageSize != null && pageSize < 1) {
            throw Require.invalid("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        this.bookmark = bookmark == null ? "" : bookmark;
    }

    /** The page size asked for, or null for the configured maximum. */
    public final Integer pageSize() {
        return pageSize;
    }

    /** The bookmark, empty for the first page. */
    public final String bookmark() {
        return bookmark;
    }
}
