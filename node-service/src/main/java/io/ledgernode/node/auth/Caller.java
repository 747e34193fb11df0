package io.ledgernode.node.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as its verified token says.
 *
 * <p>The record holds the same rules the verifier enforces (at least one role, accounts for a wallet, a jurisdiction for
 * a regulator), so a {@code Caller} that exists is always a complete one.
 *
 * @param subject the token's {@code sub}
 * @param issuer the token's {@code iss}, one of the configured issuers
 * @param roles the known roles the token names, never empty
 * @param accounts the account ids a wallet may act on; empty for other roles when the token names none
 * @param jurisdiction the regulator's jurisdiction, such as {@code "DE"}: always a valid code ({@link Jurisdictions})
 * @param org the caller's organisation (an MSP id), when the token names one
 * @param expiresAt when the token expires
 */
public record Caller(String subject, String issuer, Set<Role> roles, Set<String> accounts,
        Optional<String> jurisdiction, Optional<String> org, Instant expiresAt) {

    public Caller {
        requireNotBlank(subject, "subject");
        requireNotBlank(issuer, "issuer");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        accounts = Set.copyOf(Objects.requireNonNull(accounts, "accounts"));
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A caller needs at least one role");
        }
        if (roles.contains(Role.WALLET) && accounts.isEmpty()) {
            throw new IllegalArgumentException("A wallet caller needs at least one account");
        }
        if (roles.contains(Role.REGULATOR) && jurisdiction.isEmpty()) {
            throw new IllegalArgumentException("A regulator caller needs a jurisdiction");
        }
        if (jurisdiction.isPresent() && !Jurisdictions.isValid(jurisdiction.get())) {
            throw new IllegalArgumentException("jurisdiction " + jurisdiction.get() + " is not an ISO 3166 code such as DE");
        }
    }

    public boolean has(Role role) {
        return roles.contains(Objects.requireNonNull(role, "role"));
    }

    /**
     * Auditors read every account; wallets only their own; regulators only their jurisdiction's; operators and issuers
     * every account of the node. A caller with several roles may read what any of them may.
     *
     * @param accountId the account to read
     * @param accountJurisdiction the account's jurisdiction, or {@code null} when it has none (then no regulator
     *     reads it)
     */
    public boolean mayRead(String accountId, String accountJurisdiction) {
        Objects.requireNonNull(accountId, "accountId");
        return roles.stream().anyMatch(role -> switch (role) {
            case AUDITOR, OPERATOR, ISSUER -> true;
            case WALLET -> accounts.contains(accountId);
            case REGULATOR -> jurisdiction.orElseThrow().equals(accountJurisdiction);
        });
    }

    private static void requireNotBlank(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
