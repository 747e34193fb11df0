package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.ledgernode.node.auth.AuthException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Refused requests (401, 403) spend their client address's budget; once it is gone the address gets 429 with
 * Retry-After before its token is looked at. A route that refuses every token stands in for a token guesser.
 */
@RoutingTest
class RefusalLimitTest {

    private static final int BURST = 3;

    private final DirectClient client;

    RefusalLimitTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ApiErrors.register(routing);
        routing.addFilter(new RefusalLimit(new RateLimiter(0.001, BURST, Clock.systemUTC())));
        routing.get("/guess", (request, response) -> {
            throw new AuthException(AuthException.Reason.BAD_SIGNATURE, "the token's signature does not verify");
        });
    }

    @Test
    void an_address_past_its_refusal_budget_gets_429_with_retry_after_instead_of_another_401() {
        for (int i = 0; i < BURST; i++) {
            assertThat(client.get("/guess").request().status()).isEqualTo(Status.UNAUTHORIZED_401);
        }

        var limited = client.get("/guess").request();

        assertThat(limited.status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);
        assertThat(limited.headers().first(HeaderNames.RETRY_AFTER)).isPresent();
        assertThat(limited.as(String.class)).contains("RATE_LIMITED");
    }
}
