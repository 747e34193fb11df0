package io.ledgernode.node.account;

import java.util.List;

/**
 * A page of an account's history, newest first, with the cursor of the next (older) page, or null after the last.
 */
public record HistoryPage(List<HistoryLine> entries, String nextCursor, long mirrorHeight) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }
}
