package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Page;
import io.ledgernode.api.hold.Hold;
import java.util.List;

/** {@code Accounts:holds}: open holds of an account in hold-id order, and the bookmark of the next page. */
public final class HoldsPage extends Page<Hold> {

    private HoldsPage(final List<Hold> holds, final String bookmark) {
        super("holds", holds, bookmark);
    }

    @JsonCreator
    public static HoldsPage of(@JsonProperty("holds") final List<Hold> holds,
            @JsonProperty("bookmark") final String bookmark) {
        return new HoldsPage(holds, bookmark);
    }

    @JsonProperty("holds")
    public List<Hold> holds() {
        return items();
    }
}
