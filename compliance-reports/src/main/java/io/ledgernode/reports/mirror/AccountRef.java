package io.ledgernode.reports.mirror;

import java.util.Objects;

/**
 * An account as reports see it. {@code ownerRef} is the raw owner reference: it never leaves this module as is;
 * renderers only ever print its keyed pseudonym.
 */
public record AccountRef(String id, String asset, String ownerRef, String jurisdiction) {

    public AccountRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(ownerRef, "ownerRef");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
    }

    public boolean in(String jurisdictionCode) {
        return jurisdiction.equals(jurisdictionCode);
    }
}
