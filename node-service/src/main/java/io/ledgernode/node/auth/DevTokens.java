package io.ledgernode.node.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Development tokens for a local node: a generated ES256 key pair kept in a directory, tokens signed with it.
 *
 * <p>Point a {@link AuthConfig.TrustedIssuer} at the JWKS file {@link #ensureKey} returns. Never for production: the
 * private key sits in a plain file.
 */
public final class DevTokens {

    private DevTokens() {}

    /**
     * Creates dir/dev-signing-key.jwk (private, file mode 600 where supported) and dir/dev-jwks.json (public) if absent;
     * returns the public JWKS path. A JWKS file that does not match the key (left from a deleted key) is rewritten.
     */
    public static Path ensureKey(Path dir) {
        Objects.requireNonNull(dir, "dir");
        signingKey(dir);
        return dir.resolve(DevKeyFiles.JWKS_FILE);
    }

    /**
     * A token signed with the key in {@code dir} (created if absent), issued now and valid for {@code ttl}.
     *
     * @throws IllegalArgumentException when the token could never verify: no role, a wallet without accounts, a
     *     regulator without a jurisdiction, a ttl that is not positive
     */
    public static String mint(Path dir, String issuer, String audience, String subject, Set<Role> roles,
            Set<String> accounts, Optional<String> jurisdiction, Duration ttl, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(audience, "audience");
        if (!Objects.requireNonNull(ttl, "ttl").isPositive()) {
            throw new IllegalArgumentException("ttl " + ttl + " must be positive");
        }
        Instant now = clock.instant();
        // Caller holds the role rules; building one refuses a token that would be refused when verified.
        Caller caller = new Caller(subject, issuer, roles, accounts, jurisdiction, Optional.empty(), now.plus(ttl));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(caller.issuer())
                .audience(audience)
                .subject(caller.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(caller.expiresAt()))
                .jwtID(UUID.randomUUID().toString())
                .claim(CallerClaims.ROLES, caller.roles().stream().map(Role::claimValue).sorted().toList());
        if (!caller.accounts().isEmpty()) {
            claims.claim(CallerClaims.ACCOUNTS, caller.accounts().stream().sorted().toList());
        }
        caller.jurisdiction().ifPresent(value -> claims.claim(CallerClaims.JURISDICTION, value));
        return sign(signingKey(dir), claims.build());
    }

    /**
     * CLI: {@code DevTokens --dir D --issuer I --audience A --subject S --role R [--role R2] [--account X]...
     * [--jurisdiction J] [--ttl PT15M]}; prints the token; bad arguments -> one line on stderr and exit 2.
     */
    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err, Clock.systemUTC());
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The CLI without the exit: 0 when the token was printed, 2 for bad arguments, 1 when the key files failed. */
    static int run(List<String> args, PrintStream out, PrintStream err, Clock clock) {
        try {
            DevTokenRequest request = DevTokenRequest.parse(args);
            out.println(mint(request.dir(), request.issuer(), request.audience(), request.subject(), request.roles(),
                    request.accounts(), request.jurisdiction(), request.ttl(), clock));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("DevTokens: " + e.getMessage() + " (" + DevTokenRequest.USAGE + ")");
            return 2;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("DevTokens: " + e.getMessage());
            return 1;
        }
    }

    private static ECKey signingKey(Path dir) {
        try {
            return DevKeyFiles.ensure(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the development key in " + dir + ": " + e, e);
        }
    }

    private static String sign(ECKey key, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the development key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
