package io.ledgernode.reconciler.chain;

import java.util.List;
import java.util.Objects;

/** A page of accounts and the bookmark of the next (empty after the last page). */
public record AccountPage(List<AccountLine> accounts, String bookmark) {

    public AccountPage {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(bookmark, "bookmark");
    }

    public boolean last() {
        return bookmark.isEmpty();
    }
}
