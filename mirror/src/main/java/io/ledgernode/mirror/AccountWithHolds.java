package io.ledgernode.mirror;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account, if the mirror holds it, with its open holds in id order: what a balance read answers.
 *
 * @param account the account's row; empty when the mirror holds no such account
 * @param openHolds its open holds in id order, at most the number the reader asked for; empty without an account
 */
public record AccountWithHolds(Optional<Account> account, List<Hold> openHolds) {

    public AccountWithHolds {
        Objects.requireNonNull(account, "account");
        openHolds = List.copyOf(openHolds);
    }
}
