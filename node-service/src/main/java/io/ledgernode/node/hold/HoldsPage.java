package io.ledgernode.node.hold;

import java.util.List;

/**
 * A page of an account's holds in id order, with the cursor of the next page, or null after the last. Each hold's own
 * {@code mirrorHeight} is the page's.
 */
public record HoldsPage(List<HoldAnswer> holds, String nextCursor, long mirrorHeight) {

    public HoldsPage {
        holds = List.copyOf(holds);
    }
}
