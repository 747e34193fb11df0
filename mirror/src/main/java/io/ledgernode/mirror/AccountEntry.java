package io.ledgernode.mirror;

import java.util.Objects;

/**
 * An entry as an account's history shows it: with the function of the transaction that made it.
 *
 * @param entry the entry
 * @param function the chaincode function of its transaction, or null
 */
public record AccountEntry(Entry entry, String function) {

    public AccountEntry {
        Objects.requireNonNull(entry, "entry");
    }
}
