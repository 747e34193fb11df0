package io.ledgernode.node.http;

import io.helidon.http.HeaderName;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.ledgernode.node.auth.AuthException;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.auth.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The caller of a request, its role checks, its idempotency key and its read-your-writes block. */
public final class Requests {

    public static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private final TokenVerifier verifier;
    private final RateLimiter rateLimiter;
    private final RefusalLimit refusalLimit;

    /** {@code rateLimiter} per verified caller; {@code refusalLimiter} per client address, for refused requests. */
    public Requests(TokenVerifier verifier, RateLimiter rateLimiter, RateLimiter refusalLimiter) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.refusalLimit = new RefusalLimit(refusalLimiter);
    }

    /** The filter that limits refused requests per client address (HTTP). */
    public RefusalLimit refusalLimit() {
        return refusalLimit;
    }

    /**
     * The verified caller, within its rate limit: an AuthException (401) when the token is missing or not
     * acceptable, a 429 when the caller is over its limit.
     */
    public Caller caller(ServerRequest request) throws AuthException {
        return caller(onlyAuthorization(request.headers().all(HeaderNames.AUTHORIZATION, List::of)));
    }

    /**
     * The one {@code Authorization} value a request carries (REST header lines or gRPC metadata entries), null when it
     * carries none. Two are refused (401): which of two tokens, perhaps of two callers, a request acts as would be a
     * guess, and a proxy in front may have picked the other.
     */
    public static String onlyAuthorization(Iterable<String> values) throws AuthException {
        Iterator<String> given = values.iterator();
        String first = given.hasNext() ? given.next() : null;
        if (given.hasNext()) {
            throw new AuthException(AuthException.Reason.MALFORMED_TOKEN, "More than one Authorization header was given.");
        }
        return first;
    }

    /** The verified caller of an {@code Authorization} value (REST header or gRPC metadata), within its rate limit. */
    public Caller caller(String authorization) throws AuthException {
        Caller caller = verifier.verify(authorization);
        rateLimiter.acquire(caller.issuer() + "\n" + caller.subject());
        return caller;
    }

    /** The caller, required to hold one of {@code roles} (403 otherwise). */
    public Caller caller(ServerRequest request, Role... roles) throws AuthException {
        Caller caller = caller(request);
        requireRole(caller, roles);
        return caller;
    }

    /** The request's Idempotency-Key header as sent, or null. */
    public static String idempotencyKeyHeader(ServerRequest request) {
        return request.headers().first(IDEMPOTENCY_KEY).orElse(null);
    }

    /**
     * A caller's idempotency key as the ledger sees it: scoped to the caller, so two callers' keys never meet on the
     * ledger (the chaincode scopes keys by org only, and one node serves many callers).
     */
    public static String scopedKey(String key, Caller caller) {
        if (key == null || key.isEmpty()) {
            throw ApiException.badRequest("an idempotency key (REST: the Idempotency-Key header; gRPC: the idempotency_key field) is required on every write");
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("the idempotency key must match " + KEY.pattern());
        }
        try {
            byte[] subject = MessageDigest.getInstance("SHA-256").digest((caller.issuer() + "\n" + caller.subject()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(subject, 0, 8) + ":" + key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses the caller unless it holds one of {@code roles} (403). */
    public static void requireRole(Caller caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            throw ApiException.forbidden("this needs one of the roles " + Arrays.toString(roles).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The {@code minBlock} query parameter (read-your-writes), if present. */
    public static OptionalLong minBlock(ServerRequest request) {
        return blockNumber("minBlock", query(request, "minBlock"));
    }

    /**
     * The first value of the query parameter {@code name}, if present. Asked with {@code contains} and {@code get}:
     * Helidon's {@code first} looks its global mapper registry up on every call, present or not, which a profile of
     * balance reads showed as about a tenth of the node's CPU (issue 16).
     */
    public static java.util.Optional<String> query(ServerRequest request, String name) {
        UriQuery query = request.query();
        if (!query.contains(name)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(query.get(name));
        } catch (java.util.NoSuchElementException e) {
            // Named with no value list at all: the same as absent, as first() has it.
            return java.util.Optional.empty();
        }
    }

    /** A block number parameter named {@code name}, if present. */
    public static OptionalLong blockNumber(String name, java.util.Optional<String> value) {
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong block = wholeNumber(value.get());
        if (block.isEmpty()) {
            throw ApiException.badRequest(name + " must be a block number (a non-negative whole number)");
        }
        return block;
    }

    /**
     * A non-negative whole number written in 1 to 19 decimal digits (no sign, no spaces), or empty when the text is
     * not one: ids, cursors and block numbers share this one reading.
     */
    public static OptionalLong wholeNumber(String text) {
        if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            // 19 digits can exceed Long.MAX_VALUE.
            return OptionalLong.empty();
        }
    }

    /** A page size from the {@code limit} query parameter, within [1, max]. */
    public static int limit(ServerRequest request, int defaultSize, int max) {
        return limit(query(request, "limit"), defaultSize, max);
    }

    /** A page size within [1, max], or the default when absent. */
    public static int limit(java.util.Optional<String> value, int defaultSize, int max) {
        if (value.isEmpty()) {
            return defaultSize;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit < 1 || limit > max) {
                throw ApiException.badRequest("limit must be in [1, " + max + "]");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a whole number");
        }
    }
}
