package io.ledgernode.mirror;

import java.util.Objects;

/**
 * An entry of a transaction with its account's jurisdiction: what deciding who may see the entry needs.
 *
 * @param entry the entry
 * @param jurisdiction the jurisdiction of the entry's account
 */
public record PartyEntry(Entry entry, String jurisdiction) {

    public PartyEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
    }
}
