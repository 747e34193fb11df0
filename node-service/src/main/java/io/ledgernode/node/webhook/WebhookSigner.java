package io.ledgernode.node.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says: a secret is {@code whsec_} and the base64 of 24 to 64 random
 * bytes; the signature of a message is {@code v1,} and the base64 of HMAC-SHA256, keyed with those bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, sent in the {@code webhook-signature} header beside
 * {@code webhook-id} and {@code webhook-timestamp} (seconds since the epoch).
 */
final class WebhookSigner {

    static final String PREFIX = "whsec_";
    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]{32,88}={0,2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new secret of 32 random bytes. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code secret} is one this signer takes: {@code whsec_} and base64 of 24 to 64 bytes. */
    static boolean valid(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return false;
        }
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            return bytes >= 24 && bytes <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} header of a message. */
    static String signature(String secret, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
