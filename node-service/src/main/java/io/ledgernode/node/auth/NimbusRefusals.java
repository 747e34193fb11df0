package io.ledgernode.node.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.ledgernode.node.auth.AuthException.Reason;
import java.util.Objects;

/**
 * Turns nimbus's refusals into our stable reasons, in one place. Nimbus tells some refusals apart only by their message,
 * so those are matched on its (stable) wording; the messages we give back are our own, never nimbus's or a key's.
 */
final class NimbusRefusals {

    private static final String MISSING_CLAIMS = "JWT missing required claims: ";

    private NimbusRefusals() {}

    static AuthException of(BadJOSEException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), "");
        if (e instanceof ExpiredJWTException) {
            return new AuthException(Reason.EXPIRED, "The token has expired.");
        }
        if (e instanceof BadJWTException) {
            return ofClaims(message);
        }
        if (e instanceof BadJWSException) {
            return new AuthException(Reason.BAD_SIGNATURE, "The token's signature is not valid.");
        }
        if (message.contains("no matching key")) {
            return new AuthException(Reason.BAD_SIGNATURE, "No trusted key matches the token.");
        }
        if (message.startsWith("Unsecured")) {
            return new AuthException(Reason.ALGORITHM_NOT_ALLOWED, "Unsigned tokens are not accepted.");
        }
        if (message.contains("typ")) {
            return new AuthException(Reason.MALFORMED_TOKEN, "The token's type is not accepted.");
        }
        return new AuthException(Reason.MALFORMED_TOKEN, "The token is not acceptable.");
    }

    static AuthException of(JOSEException e) {
        if (e instanceof KeySourceException) {
            return new AuthException(Reason.BAD_SIGNATURE, "The issuer's keys are unavailable; try again later.");
        }
        return new AuthException(Reason.BAD_SIGNATURE, "The token's signature could not be checked.");
    }

    private static AuthException ofClaims(String message) {
        if (message.startsWith(MISSING_CLAIMS)) {
            // The list names only claims we require (such as "[exp, sub]"), never a value from the token.
            return new AuthException(Reason.MISSING_CLAIM,
                    "The token lacks required claims " + message.substring(MISSING_CLAIMS.length()) + ".");
        }
        if (message.contains("before use time")) {
            return new AuthException(Reason.NOT_YET_VALID, "The token is not valid yet.");
        }
        if (message.contains("aud")) {
            return new AuthException(Reason.WRONG_AUDIENCE, "The token is not meant for this service.");
        }
        if (message.contains("iss")) {
            return new AuthException(Reason.UNKNOWN_ISSUER, "The token's issuer is not trusted.");
        }
        return new AuthException(Reason.MALFORMED_TOKEN, "The token's claims are not valid.");
    }
}
