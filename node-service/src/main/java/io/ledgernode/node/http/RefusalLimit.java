package io.ledgernode.node.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A budget of refused requests (401, 403) per client address. A caller's own rate limit needs a verified token; this
 * one stops a client guessing tokens or probing roles: each refusal spends one of its address's tokens, and once they
 * are gone every request from that address is a 429 (with Retry-After) before its token is even verified, until the
 * budget refills. Clients behind one address share the budget; the rate is set high enough for honest mistakes.
 *
 * <p>Health and metrics are never locked out: they take no token (so there is none to guess), and the supervisor's
 * liveness probe and the operator's monitoring share loopback with whoever else calls from there. Locked out, a flood
 * of bad tokens from that address had the probe fail and the supervisor kill a healthy node.
 */
public final class RefusalLimit implements Filter {

    private final RateLimiter addresses;

    public RefusalLimit(RateLimiter addresses) {
        this.addresses = addresses;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (tokenFree(request.path().rawPath())) {
            chain.proceed();
            return;
        }
        SocketAddress peer = request.remotePeer().address();
        admit(peer);
        chain.proceed();
        int status = response.status().code();
        if (status == 401 || status == 403) {
            refused(peer);
        }
    }

    /** Throws a RATE_LIMITED {@link ApiException} when the address has spent its budget (any transport). */
    public void admit(SocketAddress peer) {
        addresses.requireToken(address(peer));
    }

    /** Spends one of the address's tokens for a refused (401 or 403) request (any transport). */
    public void refused(SocketAddress peer) {
        addresses.spend(address(peer));
    }

    /** The routes that take no token: the health checks and the metrics. */
    static boolean tokenFree(String path) {
        return path.equals("/metrics") || path.startsWith("/health/");
    }

    /** The host part only: a client's port changes with each connection. */
    private static String address(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    }
}
