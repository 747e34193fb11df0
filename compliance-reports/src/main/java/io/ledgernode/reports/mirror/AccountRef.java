package io.ledgernode.reports.mirror;

import java.util.Objects;

/**
 * An account as reports see it. {@code ownerRef} is the raw owner reference: it never leaves this module as is;
 * renderers only ever print its keyed pseudonym.
 *
 * <p>A projection of the mirror's {@link io.ledgernode.mirror.Account}, kept on purpose: only the fields that never
 * change after opening. The mirror's record carries status, limits, balance and held amount after the last mirrored
 * block, which a report pinned to an earlier cut-off block must not show (its state there is {@link AccountState}).
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
