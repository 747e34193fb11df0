package io.ledgernode.node.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What a caller is allowed to be, as named in the token's {@code roles} claim. */
public enum Role {
    /** Acts only on the accounts its token names. */
    WALLET,
    /** Runs the node; reads every account of it. */
    OPERATOR,
    /** Issues the asset; reads every account of the node. */
    ISSUER,
    /** Reads every account. */
    AUDITOR,
    /** Reads only the accounts of its jurisdiction. */
    REGULATOR;

    /** The role named by a claim value, which is the lower-case name ({@code "wallet"}); empty for anything else. */
    public static Optional<Role> fromClaim(String value) {
        Objects.requireNonNull(value, "value");
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The value that names this role in a token. */
    String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
