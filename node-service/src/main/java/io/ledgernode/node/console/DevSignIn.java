package io.ledgernode.node.console;

import java.util.List;

/**
 * The body of {@code POST /console/dev-sign-in}: the role to sign in as, and what that role needs (a wallet's accounts,
 * a regulator's jurisdiction). {@code subject} names the caller in the node's logs and limits; absent, one is made up.
 */
public record DevSignIn(String role, String subject, List<String> accounts, String jurisdiction) {

    public DevSignIn {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
}
