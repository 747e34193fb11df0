package io.ledgernode.node.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Nimbus's claims verifier for one issuer: exact {@code iss}, the configured audience, {@code sub}, {@code exp} and
 * {@code iss} required, {@code exp} and {@code nbf} checked with the configured skew. It reads the time from our
 * {@link Clock} rather than the system's, so that tests and the rest of the node agree on "now".
 */
final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    static final Set<String> CLAIMS_REQUIRED = Set.of("sub", "exp", "iss");

    private final Clock clock;

    ClockedClaimsVerifier(String issuer, String audience, Duration clockSkew, Clock clock) {
        super(audience, new JWTClaimsSet.Builder().issuer(issuer).build(), CLAIMS_REQUIRED);
        this.clock = Objects.requireNonNull(clock, "clock");
        setMaxClockSkew(Math.toIntExact(clockSkew.toSeconds()));
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }
}
