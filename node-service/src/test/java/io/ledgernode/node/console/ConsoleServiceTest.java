package io.ledgernode.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.ledgernode.node.NodeConfig;
import io.ledgernode.node.NodeService;
import io.ledgernode.node.http.ApiRoutesTest;
import io.ledgernode.node.http.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The console as node-service serves it, over a real loopback socket: its files with a strict Content-Security-Policy,
 * its pages for any console path, nothing outside its own files, and the development sign-in's tokens, which the API
 * then accepts with exactly the role asked for.
 */
@ServerTest
class ConsoleServiceTest {

    private final WebClient client;
    private final int port;

    ConsoleServiceTest(WebClient client, java.net.URI uri) {
        this.client = client;
        this.port = uri.getPort();
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        NodeService.routing(routing, ApiRoutesTest.parts(new NodeConfig.RateLimit(50, 100, 50, 1_000)));
    }

    @Test
    void the_console_page_is_served_with_a_policy_that_allows_only_its_own_scripts_and_no_framing() {
        HttpClientResponse page = client.get("/console/").request();

        assertThat(page.status()).isEqualTo(Status.OK_200);
        assertThat(page.as(String.class)).contains("<script type=\"module\" src=\"/console/assets/console.js\"></script>")
                .doesNotContain("<script>");
        String policy = page.headers().first(HeaderNames.create("Content-Security-Policy")).orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().first(HeaderNames.create("X-Content-Type-Options"))).contains("nosniff");
        assertThat(page.headers().first(HeaderNames.create("Referrer-Policy"))).contains("no-referrer");
    }

    @Test
    void a_console_page_reloaded_at_its_own_address_gets_the_console_and_a_script_is_served_as_javascript() {
        assertThat(client.get("/console/accounts/alice").request().as(String.class)).contains("console.js");
        HttpClientResponse script = client.get("/console/assets/console.js").request();
        assertThat(script.status()).isEqualTo(Status.OK_200);
        assertThat(script.headers().contentType().orElseThrow().text()).startsWith("text/javascript");
        String etag = script.headers().first(HeaderNames.ETAG).orElseThrow();
        assertThat(client.get("/console/assets/console.js").header(HeaderNames.IF_NONE_MATCH, etag).request().status())
                .isEqualTo(Status.NOT_MODIFIED_304);
    }

    @Test
    void a_file_the_console_does_not_have_is_404_and_no_path_reaches_outside_its_files() {
        assertThat(client.get("/console/assets/missing.js").request().status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(client.get("/console/..%2F..%2Fopenapi.yaml").request().status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(client.get("/console/files.txt.bak").request().status()).isEqualTo(Status.NOT_FOUND_404);
    }

    @Test
    void the_sign_in_settings_offer_the_development_sign_in_of_a_local_node() throws IOException {
        JsonNode settings = Json.MAPPER.readTree(client.get("/console/config.json").request().as(String.class));
        assertThat(settings.path("devSignIn").asBoolean()).isTrue();
        assertThat(settings.path("oidc").isNull()).isTrue();
    }

    @Test
    void a_development_sign_in_gives_a_token_the_api_accepts_for_that_role_only() throws IOException {
        HttpClientResponse answer = client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"role\":\"wallet\",\"accounts\":[\"alice\"]}");
        assertThat(answer.status()).isEqualTo(Status.OK_200);
        String token = Json.MAPPER.readTree(answer.as(String.class)).path("token").asText();

        // A wallet may not read blocks: the token is a wallet's, refused as one (not as an unknown caller).
        assertThat(client.get("/v1/blocks").header(HeaderNames.AUTHORIZATION, "Bearer " + token).request().status())
                .isEqualTo(Status.FORBIDDEN_403);
    }

    /** DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 must get no token. */
    @Test
    void a_development_sign_in_naming_another_host_or_coming_from_another_origin_does_not_exist() {
        String body = "{\"role\":\"issuer\"}";
        assertThat(client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.HOST, "attacker.example:" + port).submit(body).status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.HOST, "127.0.0.1:" + port).header(HeaderNames.ORIGIN, "http://attacker.example")
                .submit(body).status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.HOST, "127.0.0.1:" + port).header(HeaderNames.ORIGIN, "http://127.0.0.1:" + port)
                .submit(body).status()).isEqualTo(Status.OK_200);
    }

    @Test
    void a_development_sign_in_that_could_never_verify_is_refused_with_400() {
        assertThat(client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"role\":\"wallet\"}").status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"role\":\"root\"}").status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(client.post("/console/dev-sign-in").header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"role\":\"regulator\",\"jurisdiction\":\"XX1\"}").status()).isEqualTo(Status.BAD_REQUEST_400);
    }

    @Test
    void a_regulator_listing_another_jurisdiction_s_accounts_is_refused() {
        String regulator = ApiRoutesTest.regulator("DE");
        assertThat(client.get("/v1/accounts").queryParam("jurisdiction", "FR").header(HeaderNames.AUTHORIZATION, regulator).request().status())
                .isEqualTo(Status.FORBIDDEN_403);
    }
}
