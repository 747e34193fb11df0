package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Page;
import java.util.List;

/** {@code Accounts:history}: entries oldest first, and the bookmark of the next page (empty when done). */
public final class HistoryPage extends Page<HistoryEntry> {

    private HistoryPage(final List<HistoryEntry> entries, final String bookmark) {
        super("entries", entries, bookmark);
    }

    @JsonCreator
    public static HistoryPage of(@JsonProperty("entries") final List<HistoryEntry> entries,
            @JsonProperty("bookmark") final String bookmark) {
        return new HistoryPage(entries, bookmark);
    }

    @JsonProperty("entries")
    public List<HistoryEntry> entries() {
        return items();
    }
}
