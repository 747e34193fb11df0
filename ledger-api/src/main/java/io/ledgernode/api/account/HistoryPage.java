package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.List;

/** {@code Accounts:history}: entries oldest first, and the bookmark of the next page (empty when done). */
public final class HistoryPage {
    private final List<HistoryEntry> entries;
    private final String bookmark;

    private HistoryPage(final List<HistoryEntry> entries, final String bookmark) {
        this.entries = Require.list("entries", entries);
        this.bookmark = Require.present("bookmark", bookmark);
    }

    @JsonCreator
    public static HistoryPage of(@JsonProperty("entries") final List<HistoryEntry> entries,
            @JsonProperty("bookmark") final String bookmark) {
        return new HistoryPage(entries, bookmark);
    }

    public List<HistoryEntry> entries() {
        return entries;
    }

    /** The bookmark of the next page; empty when this is the last page. */
    public String bookmark() {
        return bookmark;
    }
}
