package io.ledgernode.node.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a subscription may name: an http(s) URL of a host, known entry kinds, account ids, a well-formed secret. */
class SubscriptionRequestTest {

    @Test
    void urls_that_are_not_absolute_http_of_a_host_or_carry_credentials_are_refused() {
        for (String url : List.of("ftp://example.com/x", "file:///etc/passwd", "/relative", "http://", "http://user:pw@example.com/x",
                "http://example.com/x#frag", "javascript:alert(1)", "http://example.com/" + "x".repeat(2048), "not a url")) {
            assertThatThrownBy(() -> SubscriptionRequest.of(url, List.of("CREDIT"), null, null, null)).as(url)
                    .isInstanceOf(LedgerException.class).satisfies(e -> assertThat(((LedgerException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThat(SubscriptionRequest.of("https://hooks.example.com:8443/ledger?x=1", List.of("CREDIT"), null, null, null).url())
                .isEqualTo("https://hooks.example.com:8443/ledger?x=1");
    }

    @Test
    void kinds_accounts_secrets_and_blocks_are_checked_and_unknown_fields_refused() {
        assertThatThrownBy(() -> SubscriptionRequest.of("http://h/x", List.of(), null, null, null)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> SubscriptionRequest.of("http://h/x", List.of("PAYMENT"), null, null, null)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> SubscriptionRequest.of("http://h/x", List.of("CREDIT"), List.of(), null, null)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> SubscriptionRequest.of("http://h/x", List.of("CREDIT"), List.of("-bad"), null, null)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> SubscriptionRequest.of("http://h/x", List.of("CREDIT"), null, "whsec_short", null)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> SubscriptionRequest.of("http://h/x", List.of("CREDIT"), null, null, -1L)).isInstanceOf(LedgerException.class);
        String secret = WebhookSigner.newSecret();
        assertThat(SubscriptionRequest.of("http://h/x", List.of("CREDIT"), null, secret, 5L).secret()).contains(secret);
        assertThatThrownBy(() -> LedgerJson.read("{\"url\":\"http://h/x\",\"eventKinds\":[\"CREDIT\"],\"owner\":\"me\"}", SubscriptionRequest.class))
                .isInstanceOf(LedgerException.class);
    }

    @Test
    void a_signature_is_the_standard_webhooks_hmac_of_id_timestamp_and_body() {
        // The example of the Standard Webhooks specification's reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(WebhookSigner.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSigner.valid(secret)).isTrue();
        assertThat(WebhookSigner.valid(WebhookSigner.newSecret())).isTrue();
    }
}
