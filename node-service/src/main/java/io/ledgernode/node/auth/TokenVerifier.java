package io.ledgernode.node.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import io.ledgernode.node.auth.AuthConfig.TrustedIssuer;
import io.ledgernode.node.auth.AuthException.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies bearer JWTs against the configured issuers and their keys, and says who is calling.
 *
 * <p>Each trusted issuer has its own nimbus processor: its keys (from configuration only, so a token's {@code jwk},
 * {@code jku}, {@code x5u} and {@code x5c} headers are never used), the configured asymmetric algorithms, and the
 * claims checks. The token's unverified {@code iss} only chooses which processor checks it. Thread-safe.
 */
public final class TokenVerifier {

    /** Longer tokens are refused before parsing; ours are well under 2 KiB. */
    static final int TOKEN_LENGTH_MAX = 8 * 1024;

    /** Besides JWT, accept the type of OAuth access tokens (RFC 9068) and no type at all. */
    private static final Set<JOSEObjectType> TYPES_ACCEPTED =
            Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"));

    private final AuthConfig config;
    private final Clock clock;
    private final Set<JWSAlgorithm> algorithms;
    private final Map<String, JWTProcessor<SecurityContext>> processorsByIssuer;

    private TokenVerifier(AuthConfig config, Clock clock, Set<JWSAlgorithm> algorithms,
            Map<String, JWTProcessor<SecurityContext>> processorsByIssuer) {
        this.config = config;
        this.clock = clock;
        this.algorithms = algorithms;
        this.processorsByIssuer = Map.copyOf(processorsByIssuer);
    }

    /**
     * Loads the JWKS files now (failing with a message naming the file), and prepares the JWKS URLs, fetched on first
     * use and cached.
     *
     * @throws IllegalStateException when a JWKS file is missing or invalid, or an algorithm cannot be verified here
     */
    public static TokenVerifier create(AuthConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Set<JWSAlgorithm> algorithms = config.algorithms().stream()
                .map(JWSAlgorithm::parse)
                .collect(Collectors.toUnmodifiableSet());
        requireVerifiable(algorithms);
        Map<String, JWTProcessor<SecurityContext>> processors = new HashMap<>();
        for (TrustedIssuer issuer : config.issuers()) {
            processors.put(issuer.issuer(), processor(issuer, algorithms, config, clock));
        }
        return new TokenVerifier(config, clock, algorithms, processors);
    }

    /** Verifies an Authorization header value ("Bearer &lt;jwt&gt;"); null or blank -> MISSING_TOKEN. */
    public Caller verify(String authorizationHeader) throws AuthException {
        SignedJWT jwt = parseSigned(BearerToken.extract(authorizationHeader, TOKEN_LENGTH_MAX));
        if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
            throw new AuthException(Reason.ALGORITHM_NOT_ALLOWED, "The token's signing algorithm is not allowed.");
        }
        JWTProcessor<SecurityContext> processor = processorsByIssuer.get(unverifiedIssuer(jwt));
        if (processor == null) {
            throw new AuthException(Reason.UNKNOWN_ISSUER, "The token's issuer is not trusted.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException e) {
            throw NimbusRefusals.of(e);
        } catch (JOSEException e) {
            throw NimbusRefusals.of(e);
        }
        return CallerClaims.toCaller(claims, clock.instant(), config);
    }

    private static JWTProcessor<SecurityContext> processor(TrustedIssuer issuer, Set<JWSAlgorithm> algorithms,
            AuthConfig config, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(withNoType(TYPES_ACCEPTED)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, IssuerKeys.of(issuer)));
        processor.setJWTClaimsSetVerifier(
                new ClockedClaimsVerifier(issuer.issuer(), config.audience(), config.clockSkew(), clock));
        return processor;
    }

    /** Nimbus reads a {@code null} in the set as "no typ header"; {@code Set.of} cannot hold one. */
    private static Set<JOSEObjectType> withNoType(Set<JOSEObjectType> types) {
        Set<JOSEObjectType> withNull = new HashSet<>(types);
        withNull.add(null);
        return withNull;
    }

    /** Nimbus verifies EdDSA only with Google Tink, an optional dependency; find out at start, not at the first call. */
    private static void requireVerifiable(Set<JWSAlgorithm> algorithms) {
        if (!algorithms.contains(JWSAlgorithm.EdDSA)) {
            return;
        }
        try {
            Class.forName("com.google.crypto.tink.subtle.Ed25519Verify", false, TokenVerifier.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "algorithm EdDSA needs com.google.crypto.tink:tink on the class path; remove EdDSA or add Tink", e);
        }
    }

    private static SignedJWT parseSigned(String token) throws AuthException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED_TOKEN, "The token is not a well-formed JWT.");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        if (jwt instanceof PlainJWT) {
            throw new AuthException(Reason.ALGORITHM_NOT_ALLOWED, "Unsigned tokens are not accepted.");
        }
        throw new AuthException(Reason.MALFORMED_TOKEN, "Encrypted tokens are not accepted.");
    }

    /** The {@code iss} claim before the signature is checked: it only chooses whose keys check the signature. */
    private static String unverifiedIssuer(SignedJWT jwt) throws AuthException {
        String issuer;
        try {
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED_TOKEN, "The token's claims are not a JSON object.");
        }
        if (issuer == null) {
            throw new AuthException(Reason.MISSING_CLAIM, "The token lacks required claims [iss].");
        }
        return issuer;
    }
}
