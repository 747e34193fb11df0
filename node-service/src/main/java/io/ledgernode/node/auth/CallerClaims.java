package io.ledgernode.node.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.ledgernode.node.auth.AuthException.Reason;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks nimbus does not make, on claims whose signature, issuer, audience and times nimbus has already verified:
 * lifetime, {@code iat} not in the future, roles, the claims each role needs and their form. Then the {@link Caller}.
 */
final class CallerClaims {

    static final String ROLES = "roles";
    static final String ACCOUNTS = "accounts";
    static final String JURISDICTION = "jurisdiction";
    static final String ORG = "org";

    private CallerClaims() {}

    static Caller toCaller(JWTClaimsSet claims, Instant now, AuthConfig config) throws AuthException {
        Instant expiresAt = claims.getExpirationTime().toInstant();
        requireReasonableTimes(claims, now, expiresAt, config);
        if (claims.getSubject().isBlank()) {
            throw new AuthException(Reason.MISSING_CLAIM, "The token's subject is blank.");
        }
        Set<Role> roles = roles(claims);
        Set<String> accounts = accounts(claims);
        Optional<String> jurisdiction = optionalString(claims, JURISDICTION);
        if (roles.contains(Role.WALLET) && accounts.isEmpty()) {
            throw new AuthException(Reason.MISSING_CLAIM, "A wallet token needs the claim accounts.");
        }
        if (roles.contains(Role.REGULATOR) && jurisdiction.isEmpty()) {
            throw new AuthException(Reason.MISSING_CLAIM, "A regulator token needs the claim jurisdiction.");
        }
        if (jurisdiction.isPresent() && !Jurisdictions.isValid(jurisdiction.get())) {
            // "ALL", "fr" or "France" would be a regulator that sees everything or nothing: refuse the token instead.
            throw new AuthException(Reason.MALFORMED_TOKEN,
                    "The claim jurisdiction is not an upper-case ISO 3166 code such as DE or US-NY.");
        }
        return new Caller(claims.getSubject(), claims.getIssuer(), roles, accounts, jurisdiction,
                optionalString(claims, ORG), expiresAt);
    }

    /** A long-lived token is a stolen token's best friend. Its lifetime counts from {@code iat}, or from now without. */
    private static void requireReasonableTimes(JWTClaimsSet claims, Instant now, Instant expiresAt, AuthConfig config)
            throws AuthException {
        Instant issuedAt = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
        if (issuedAt != null && issuedAt.isAfter(now.plus(config.clockSkew()))) {
            throw new AuthException(Reason.NOT_YET_VALID, "The token is issued in the future.");
        }
        Duration lifetime = Duration.between(issuedAt == null ? now : issuedAt, expiresAt);
        if (lifetime.compareTo(config.tokenLifetimeMax()) > 0) {
            throw new AuthException(Reason.LIFETIME_TOO_LONG, "The token's lifetime exceeds the allowed maximum.");
        }
    }

    private static Set<Role> roles(JWTClaimsSet claims) throws AuthException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : stringList(claims, ROLES)) {
            Role.fromClaim(value).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            throw new AuthException(Reason.NO_ROLE, "The token names no known role.");
        }
        return roles;
    }

    private static Set<String> accounts(JWTClaimsSet claims) throws AuthException {
        Set<String> accounts = new HashSet<>();
        for (String account : stringList(claims, ACCOUNTS)) {
            if (account.isBlank()) {
                throw new AuthException(Reason.MALFORMED_TOKEN, "The claim accounts holds a blank account id.");
            }
            accounts.add(account);
        }
        return accounts;
    }

    /** The claim's strings; empty when the claim is absent. */
    private static List<String> stringList(JWTClaimsSet claims, String name) throws AuthException {
        List<String> values;
        try {
            values = claims.getStringListClaim(name);
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED_TOKEN, "The claim " + name + " is not a list of strings.");
        }
        if (values == null) {
            return List.of();
        }
        if (values.contains(null)) {
            throw new AuthException(Reason.MALFORMED_TOKEN, "The claim " + name + " holds a null.");
        }
        return values;
    }

    /** The claim's string; empty when absent or blank. */
    private static Optional<String> optionalString(JWTClaimsSet claims, String name) throws AuthException {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(value -> !value.isBlank());
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED_TOKEN, "The claim " + name + " is not a string.");
        }
    }
}
