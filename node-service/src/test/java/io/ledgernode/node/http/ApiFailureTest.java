package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.node.auth.AuthException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one table of failures to codes, which both transports answer from. */
class ApiFailureTest {

    private static ApiFailure of(Throwable failure) {
        return ApiFailure.of(failure, () -> "a test call");
    }

    @Test
    void each_kind_of_failure_has_its_code_and_message() {
        assertThat(of(new LedgerException(ErrorCode.INSUFFICIENT_FUNDS, "account alice has 5, needs 10")))
                .isEqualTo(new ApiFailure(ApiErrorCode.of(ErrorCode.INSUFFICIENT_FUNDS), "account alice has 5, needs 10",
                        Optional.empty()));
        assertThat(of(new LedgerClient.LedgerUnavailableException("peer down", null)).code())
                .isEqualTo(ApiErrorCode.Service.LEDGER_UNAVAILABLE);
        assertThat(of(new AuthException(AuthException.Reason.MISSING_TOKEN, "no token")).code())
                .isEqualTo(ApiErrorCode.Service.UNAUTHENTICATED);
    }

    @Test
    void a_refusal_keeps_its_retry_delay() {
        ApiFailure failure = of(new ApiException(ApiErrorCode.Service.RATE_LIMITED, "slow down").retryAfter(Duration.ofSeconds(3)));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void anything_unexpected_is_internal_with_a_message_that_tells_nothing_of_the_request() {
        ApiFailure failure = of(new IllegalStateException("secret detail of account alice"));

        assertThat(failure.code()).isEqualTo(ApiErrorCode.Service.INTERNAL);
        assertThat(failure.message()).doesNotContain("alice");
    }
}
