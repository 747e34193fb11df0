package io.ledgernode.node.console;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.ledgernode.node.auth.DevTokens;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /console/}: the console's files, its sign-in settings and, on a local node, the development sign-in.
 *
 * <p>Every answer carries a strict Content-Security-Policy: scripts and styles only from this origin (the build writes
 * no inline script or style), connections only to this origin and the configured identity provider, no framing, no
 * plugins, no base or form targets elsewhere. Any path under {@code /console/} that is not a file (no dot in its last
 * segment) is one of the console's own pages and gets {@code index.html}, so a page can be reloaded or bookmarked.
 */
public final class ConsoleService implements HttpService {

    /** The issuer name of the development key's tokens (as scripts/ledger token signs them). */
    public static final String DEV_ISSUER = "ledger-node-dev";

    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName PERMISSIONS_POLICY = HeaderNames.create("Permissions-Policy");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName CONTENT_TYPE_OPTIONS = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName OPENER_POLICY = HeaderNames.create("Cross-Origin-Opener-Policy");

    private final ConsoleConfig config;
    private final ConsoleFiles files;
    private final String audience;
    private final Clock clock;
    private final String policy;

    public ConsoleService(ConsoleConfig config, ConsoleFiles files, String audience, Clock clock) {
        this.config = config;
        this.files = files;
        this.audience = audience;
        this.clock = clock;
        String connect = "'self'" + config.oidc().map(oidc -> " " + oidc.origin()).orElse("");
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** The Content-Security-Policy of every console answer. */
    String policy() {
        return policy;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/console", (request, response) -> {
            secure(response);
            response.status(Status.PERMANENT_REDIRECT_308).header(HeaderNames.LOCATION, "/console/").send();
        })
                .get("/console/config.json", this::settings)
                .post("/console/dev-sign-in", this::devSignIn)
                .get("/console/*", this::file);
    }

    /** What the console's sign-in page offers: the development sign-in, an identity provider, or both. */
    private void settings(ServerRequest request, ServerResponse response) {
        secure(response);
        Settings body = new Settings(config.devSignInKeyDir().isPresent(), config.oidc().map(oidc ->
                new SignInProvider(oidc.issuer().toString(), oidc.clientId(), oidc.scope(), oidc.audience())).orElse(null));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, Status.OK_200, body);
    }

    /** {@code /console/config.json}: whether the development sign-in is offered, and the identity provider (or null). */
    record Settings(boolean devSignIn, SignInProvider oidc) {
    }

    /** The identity provider as the console's sign-in page reads it. */
    record SignInProvider(String issuer, String clientId, String scope, String audience) {
    }

    /** The token of a development sign-in, and when it expires. */
    record DevToken(String token, String expiresAt) {
    }

    /** The Host of a request that names the node by a loopback name or address, with any port. */
    private static final java.util.regex.Pattern LOOPBACK_HOST = java.util.regex.Pattern.compile(
            "(?i)(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?");

    /**
     * A token for the chosen role, signed with the local development key. Only when the node is configured with that
     * key (scripts/ledger up does it for a local network) and only for a caller on loopback that names the node by a
     * loopback name (Host) and, from a browser, comes from the node's own origin (Origin); otherwise the route does not
     * exist (404). Without the two header checks a web page on any site could rebind its own name to 127.0.0.1 (DNS
     * rebinding) and have a developer's browser fetch issuer or operator tokens from a local node.
     */
    private void devSignIn(ServerRequest request, ServerResponse response) {
        secure(response);
        if (config.devSignInKeyDir().isEmpty() || !loopback(request) || !sameLoopbackOrigin(request)) {
            throw ApiException.notFound("/console/dev-sign-in");
        }
        DevSignIn asked = Json.body(request).as(DevSignIn.class);
        Role role = Optional.ofNullable(asked.role()).flatMap(name -> Role.fromClaim(name.toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> ApiException.badRequest("role must be one of wallet, operator, issuer, auditor, regulator"));
        String subject = asked.subject() == null || asked.subject().isBlank()
                ? "console-" + role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) : asked.subject();
        String token;
        try {
            token = DevTokens.mint(config.devSignInKeyDir().get(), DEV_ISSUER, audience, subject, Set.of(role),
                    Set.copyOf(asked.accounts()), Optional.ofNullable(asked.jurisdiction()).filter(j -> !j.isBlank()),
                    config.devTokenTtl(), clock);
        } catch (IllegalArgumentException e) {
            // The token could never verify: a wallet without accounts, a regulator without a jurisdiction, a bad code.
            throw ApiException.badRequest(e.getMessage());
        }
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(response, Status.OK_200, new DevToken(token, clock.instant().plus(config.devTokenTtl()).toString()));
    }

    private void file(ServerRequest request, ServerResponse response) {
        secure(response);
        String path = request.path().path();
        String name = path.length() <= "/console/".length() ? "index.html" : path.substring("/console/".length());
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (!last.contains(".")) {
            name = "index.html";
        }
        ConsoleFiles.File file = files.file(name).orElseThrow(() -> ApiException.notFound("console file " + last));
        response.header(HeaderNames.ETAG, file.etag());
        // Files are not named by their hash: the browser asks again each time and gets 304 while unchanged.
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        if (request.headers().first(HeaderNames.IF_NONE_MATCH).filter(file.etag()::equals).isPresent()) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, file.mediaType());
        response.send(file.bytes());
    }

    private void secure(ServerResponse response) {
        response.header(CSP, policy);
        response.header(REFERRER_POLICY, "no-referrer");
        response.header(FRAME_OPTIONS, "DENY");
        response.header(CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(OPENER_POLICY, "same-origin");
        response.header(PERMISSIONS_POLICY, "camera=(), microphone=(), geolocation=(), payment=()");
    }

    /** The Host is a loopback name or address, and an Origin, when sent, is this same host over http. */
    static boolean sameLoopbackOrigin(ServerRequest request) {
        Optional<String> host = request.headers().first(HeaderNames.HOST);
        if (host.isEmpty() || !LOOPBACK_HOST.matcher(host.get()).matches()) {
            return false;
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        return origin.isEmpty() || origin.get().equals("http://" + host.get());
    }

    private static boolean loopback(ServerRequest request) {
        return request.remotePeer().address() instanceof InetSocketAddress address && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }
}
