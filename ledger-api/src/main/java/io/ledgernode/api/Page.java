package io.ledgernode.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A page of a paged read: its items in the read's order, and the bookmark of the next page (empty when this is the
 * last). Each page type names its items in JSON ({@code entries}, {@code holds}, ...) through its own annotated
 * accessor; the checks and the bookmark live here once.
 *
 * @param <T> the type of the items
 */
public abstract class Page<T> {
    @JsonIgnore
    private final List<T> items;
    private final String bookmark;

    /** Checks the items (present, no nulls; copied) under their JSON name, and the bookmark (present). */
    protected Page(final String itemsField, final List<T> items, final String bookmark) {
        this.items = Require.list(itemsField, items);
        this.bookmark = Require.present("bookmark", bookmark);
    }

    /** The items, unmodifiable. */
    protected final List<T> items() {
        return items;
    }

    /** The bookmark of the next page; empty when this is the last page. */
    public final String bookmark() {
        return bookmark;
    }
}
