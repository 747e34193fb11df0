package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.hold.Hold;
import java.util.List;

/** {@code Accounts:holds}: open holds of an account in hold-id order, and the bookmark of the next page. */
public final class HoldsPage {
    private final List<Hold> holds;
    private final String bookmark;

    private HoldsPage(final List<Hold> holds, final String bookmark) {
        this.holds = Require.list("holds", holds);
        this.bookmark = Require.present("bookmark", bookmark);
    }

    @JsonCreator
    public static HoldsPage of(@JsonProperty("holds") final List<Hold> holds,
            @JsonProperty("bookmark") final String bookmark) {
        return new HoldsPage(holds, bookmark);
    }

    public List<Hold> holds() {
        return holds;
    }

    /** The bookmark of the next page; empty when this is the last page. */
    public String bookmark() {
        return bookmark;
    }
}
