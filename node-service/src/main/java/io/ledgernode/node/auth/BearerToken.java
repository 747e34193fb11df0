package io.ledgernode.node.auth;

import io.ledgernode.node.auth.AuthException.Reason;

/** Takes the token out of an {@code Authorization} header value, refusing what cannot be one before any parsing. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    static String extract(String authorizationHeader, int tokenLengthMax) throws AuthException {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new AuthException(Reason.MISSING_TOKEN, "No bearer token was given.");
        }
        // Checked before stripping too, so that a huge header costs no more than one comparison.
        if (authorizationHeader.length() > tokenLengthMax + SCHEME.length() + 64) {
            throw tooLong();
        }
        String header = authorizationHeader.strip();
        if (header.equalsIgnoreCase(SCHEME.strip())) {
            throw new AuthException(Reason.MISSING_TOKEN, "No bearer token was given.");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new AuthException(Reason.MALFORMED_TOKEN, "The Authorization header is not a Bearer token.");
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            throw new AuthException(Reason.MISSING_TOKEN, "No bearer token was given.");
        }
        if (token.length() > tokenLengthMax) {
            throw tooLong();
        }
        return token;
    }

    private static AuthException tooLong() {
        return new AuthException(Reason.MALFORMED_TOKEN, "The token is too long.");
    }
}
