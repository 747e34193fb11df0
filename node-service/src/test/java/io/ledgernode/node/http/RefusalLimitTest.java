package io.ledgernode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.ledgernode.node.NodeConfig;
import io.ledgernode.node.NodeService;
import io.ledgernode.node.auth.Role;
import org.junit.jupiter.api.Test;

/**
 * The node's routes with a small budget of refused requests per client address: refusals (401 no or bad token, 403
 * role missing) spend it, and once it is gone the address gets 429 with Retry-After, before its token is even looked
 * at. The budget refills too slowly to matter within the test.
 */
@RoutingTest
class RefusalLimitTest {

    private static final int REFUSALS_BURST = 3;

    private final DirectClient client;

    RefusalLimitTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        NodeService.routing(routing, ApiRoutesTest.parts(new NodeConfig.RateLimit(50, 100, 0.001, REFUSALS_BURST)));
    }

    @Test
    void an_address_past_its_refusal_budget_gets_429_with_retry_after_even_with_a_good_token() {
        assertThat(client.get("/v1/supply").request().status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, "Bearer guessed").request().status())
                .isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, ApiRoutesTest.wallet("alice")).request().status())
                .isEqualTo(Status.FORBIDDEN_403);

        var limited = client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, ApiRoutesTest.token("audit", Role.AUDITOR)).request();

        assertThat(limited.status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);
        assertThat(limited.headers().first(HeaderNames.RETRY_AFTER)).isPresent();
        assertThat(limited.as(String.class)).contains("\"code\":\"RATE_LIMITED\"");
    }
}
