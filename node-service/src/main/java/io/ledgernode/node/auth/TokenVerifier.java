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
import com.github.benmanes.caffeine.cache.Ticker;
import io.ledgernode.node.auth.AuthException.Reason;
import io.ledgernode.node.auth.VerifiedTokens.TokenDigest;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies bearer JWTs against the configured issuers and their keys, and says who is calling.
 *
 * <p>Each trusted issuer has its own nimbus processor: its keys (from configuration only, so a token's {@code jwk},
 * {@code jku}, {@code x5u} and {@code x5c} headers are never used), the configured asymmetric algorithms, and the
 * claims checks. The token's unverified {@code iss} only chooses which processor checks it. A token that passed every
 * check is remembered for a while ({@link VerifiedTokens}), so a caller's next request with it costs a hash instead
 * of a signature check; a change in any issuer's key set forgets them all. Thread-safe.
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
    private final VerifiedTokens verified;

    private TokenVerifier(AuthConfig config, Clock clock, Set<JWSAlgorithm> algorithms,
            Map<String, JWTProcessor<SecurityContext>> processorsByIssuer, VerifiedTokens verified) {
        this.config = config;
        this.clock = clock;
        this.algorithms = algorithms;
        this.processorsByIssuer = Map.copyOf(processorsByIssuer);
        this.verified = verified;
    }

    /**
     * Loads the JWKS files now (failing with a message naming the file), and prepares the JWKS URLs, fetched on first
     * use and cached.
     *
     * @throws IllegalStateException when a JWKS file is missing or invalid, or an algorithm cannot be verified here
     */
    public static TokenVerifier create(AuthConfig config, Clock clock) {
        return create(config, clock, Ticker.systemTicker());
    }

    /** As {@link #create(AuthConfig, Clock)}, timing the remembered tokens' lifetimes with {@code ticker}. */
    static TokenVerifier create(AuthConfig config, Clock clock, Ticker ticker) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Set<JWSAlgorithm> algorithms = config.algorithms().stream()
                .map(JWSAlgorithm::parse)
                .collect(Collectors.toUnmodifiableSet());
        requireVerifiable(algorithms);
        VerifiedTokens verified = VerifiedTokens.create(config.tokenCache(), config.clockSkew(), clock, ticker);
        Map<String, JWTProcessor<SecurityContext>> processors = new HashMap<>();
        for (TrustedIssuer issuer : config.issuers()) {
            processors.put(issuer.issuer(), processor(issuer, algorithms, config, clock, verified::clear));
        }
        return new TokenVerifier(config, clock, algorithms, processors, verified);
    }

    /** Verifies an Authorization header value ("Bearer &lt;jwt&gt;"); null or blank -> MISSING_TOKEN. */
    public Caller verify(String authorizationHeader) throws AuthException {
        String token = BearerToken.extract(authorizationHeader, TOKEN_LENGTH_MAX);
        TokenDigest digest = VerifiedTokens.digest(token);
        Optional<Caller> known = verified.find(digest);
        if (known.isPresent()) {
            return known.get();
        }
        long keysEpoch = verified.keysEpoch();
        SignedJWT jwt = parseSigned(token);
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
        Caller caller = CallerClaims.toCaller(claims, clock.instant(), config);
        verified.remember(digest, caller, Optional.ofNullable(claims.getNotBeforeTime()).map(Date::toInstant), keysEpoch);
        return caller;
    }

    /** Requests answered from a remembered token since the start. */
    public long cacheHits() {
        return verified.hits();
    }

    /** Requests whose token was not remembered (or outside its window) and so got the full check. */
    public long cacheMisses() {
        return verified.misses();
    }

    /** Tokens remembered now. */
    long cacheSize() {
        return verified.size();
    }

    private static JWTProcessor<SecurityContext> processor(TrustedIssuer issuer, Set<JWSAlgorithm> algorithms,
            AuthConfig config, Clock clock, Runnable keysChanged) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(withNoType(TYPES_ACCEPTED)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, IssuerKeys.of(issuer, keysChanged)));
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
