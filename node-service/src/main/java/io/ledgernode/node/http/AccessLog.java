package io.ledgernode.node.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One structured log line per request with its request id (the caller's {@code X-Request-Id} when it is sane, a new
 * one otherwise), echoed in the response so a caller can quote it.
 */
public final class AccessLog implements Filter {

    public static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger LOG = Logger.getLogger("io.ledgernode.node.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String id = request.headers().first(REQUEST_ID).filter(value -> SANE.matcher(value).matches())
                .orElseGet(AccessLog::newId);
        response.header(REQUEST_ID, id);
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.info(() -> "request_id=" + id + " method=" + request.prologue().method().text() + " path=" + request.prologue().uriPath().rawPath()
                    + " status=" + response.status().code() + " micros=" + micros);
        }
    }

    /**
     * A new request id in UUID form. Random but not secret (it names a request in logs, it grants nothing), so drawn
     * from the thread's own generator: {@link UUID#randomUUID()} takes every id from one shared SecureRandom.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
