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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The node's routes with a small budget of refused requests per client address: refusals (401 no or bad token, 403
 * role missing) spend it, and once it is gone the address gets 429 with Retry-After, before its token is even looked
 * at. The budget refills too slowly to matter within the test.
 */
@RoutingTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

    /** First: it spends the budget from full (the routing, and so the budget, is shared by the class's tests). */
    @Test
    @Order(1)
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

    /** The supervisor's liveness probe shares loopback with any caller: a flood of bad tokens must not make it fail. */
    @Test
    @Order(2)
    void health_and_metrics_answer_an_address_past_its_refusal_budget() {
        for (int i = 0; i <= REFUSALS_BURST; i++) {
            client.get("/v1/supply").header(HeaderNames.AUTHORIZATION, "Bearer guessed").request().close();
        }
        assertThat(client.get("/v1/supply").request().status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);

        for (String path : java.util.List.of("/health/live", "/health/ready", "/metrics")) {
            assertThat(client.get(path).request().status()).as(path).isNotEqualTo(Status.TOO_MANY_REQUESTS_429);
        }
        assertThat(client.get("/health/live").request().status()).isEqualTo(Status.OK_200);
    }
}
