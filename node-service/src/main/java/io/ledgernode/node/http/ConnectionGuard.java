package io.ledgernode.node.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketOptions;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What Helidon 4.5's HTTP/1 connection does not enforce itself, on every connection of the REST listener.
 *
 * <p><b>Read deadlines.</b> It closes the connection of a client that stops sending in the middle of a request
 * (slowloris): one that sent a request line but not the end of its headers, or a declared body but not all of it,
 * within {@code read-timeout} ({@code server.connection-options.read-timeout}). Without this, each stalled request
 * kept its connection and its thread for ever (seen at 400 s), and 2,048 of them (max-tcp-connections) would lock
 * every other caller out. Helidon 4.5 reads requests with blocking reads on a socket channel and applies no read
 * timeout of its own on the server side (the {@code read-timeout} socket option is only used by its client); its
 * idle-connection check closes a connection only while it waits for a request line. So the node measures each phase
 * of a request itself, from the HTTP/1 connection's receive and send events, and interrupts the connection's thread
 * when a phase runs out: a blocking read on an interruptible channel then closes the channel. The phases:
 * <ul>
 *   <li>first request: from the connection's start to its first request line;</li>
 *   <li>headers: from the request line to the end of the header fields;</li>
 *   <li>body: while a handler reads the body ({@link #whileReadingBody});</li>
 *   <li>unread body: from the answer to the next request line, when the handler answered without reading the body
 *   the request declared, since the web server reads that body away before the next request;</li>
 *   <li>closing: from an answer that said {@code Connection: close} until the client closes.</li>
 * </ul>
 * Between requests, an idle connection is the web server's own idle-connection check's to close
 * ({@code server.idle-connection-timeout}). Nothing is answered on a connection closed for running out: the caller
 * stopped sending, so it is not waiting for an answer either.
 *
 * <p><b>{@code Connection: close} means closed.</b> Helidon 4.5 sends {@code Connection: close} when it refuses a
 * request mid-body (a malformed chunk, a body past the maximum) or when the client asked for it, but then goes on
 * reading the connection: whatever followed the refused body was parsed as a next request and answered again (a
 * second 400 for the rest of a malformed body). After such an answer, nothing more on the connection is read as a
 * request: the next request line, or the refusal of bytes that are not one, closes it instead.
 */
public final class ConnectionGuard {

    /** Each connection is served start to end on one (virtual) thread, so the thread finds its own exchange. */
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private final long timeoutNanos;
    /** The connections served so far that are still alive; each is dropped by the sweep once its thread has ended. */
    private final Set<Exchange> exchanges = ConcurrentHashMap.newKeySet();

    private ConnectionGuard(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("server.connection-options.read-timeout must be positive, not " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        // A request only writes its phase's deadline (a per-request timer task cost a lock on one shared queue); one
        // sweep a quarter of the timeout (at most a second) apart finds the phases that ran out.
        long period = Math.max(10, Math.min(1_000, timeout.toMillis() / 4));
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "connection-guard");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Exchange exchange : exchanges) {
            if (!exchange.thread.isAlive()) {
                exchanges.remove(exchange);
            } else {
                exchange.expireIfDue(now);
            }
        }
    }

    /**
     * Serves the listener's HTTP/1 connections with the guard: {@code listener} is the listener's configuration (its
     * {@code protocols.http_1_1} configures HTTP/1; empty: Helidon's defaults), applied to the builder here, and its
     * {@code connection-options.read-timeout} is the guard's timeout.
     */
    public static void install(WebServerConfig.Builder server, Config listener) {
        Config http1 = listener.get("protocols.http_1_1");
        server.config(withoutProtocols(listener));
        // Unset, it is the web server's default for the option (30 s), as the configuration documents it.
        Duration timeout = server.connectionOptions().orElseGet(() -> SocketOptions.builder().build()).readTimeout();
        ConnectionGuard guard = new ConnectionGuard(timeout);
        Http1Config guarded = Http1Config.builder().config(http1).addReceiveListener(guard.new Received())
                .addSendListener(guard.new Sent()).build();
        // The guarded selector must be the listener's only one: beside another, the server reads a connection's first
        // bytes to choose between them, with no timeout at all (a connection that sends nothing was kept for ever) and
        // dropping what neither takes (HTTP/1.0 got no 505). So the listener's own HTTP/1 protocol, configured
        // (protocols.http_1_1, read above; the configuration is applied without it) or discovered, is taken out.
        server.protocolsDiscoverServices(false).protocols(List.of());
        server.addConnectionSelector(guard.new Selector(Http1ConnectionSelector.builder().config(guarded).build()));
    }

    private static Config withoutProtocols(Config listener) {
        Map<String, String> settings = new HashMap<>(listener.detach().asMap().orElse(Map.of()));
        settings.keySet().removeIf(key -> key.equals("protocols") || key.startsWith("protocols."));
        return Config.just(ConfigSources.create(settings));
    }

    /**
     * The listener's HTTP/1 connections, guarded. Helidon puts a listener's own selectors before those of its configured
     * protocols and picks the first that takes a connection; this one takes every connection (it is the listener's
     * only protocol), so that a request in another HTTP version reaches the request-line parser and is answered 505,
     * rather than matching no selector and being dropped unanswered.
     */
    private final class Selector implements ServerConnectionSelector {
        private final Http1ConnectionSelector http1;

        Selector(Http1ConnectionSelector http1) {
            this.http1 = http1;
        }

        @Override
        public int bytesToIdentifyConnection() {
            return 0;
        }

        @Override
        public Support supports(BufferData request) {
            return Support.SUPPORTED;
        }

        @Override
        public Set<String> supportedApplicationProtocols() {
            return http1.supportedApplicationProtocols();
        }

        @Override
        public ServerConnection connection(ConnectionContext ctx) {
            // Called on the connection's own thread as it is accepted: its first request line has the read timeout too
            // (the web server's idle check would leave a connection that never sends anything for a minute).
            exchange().await();
            return http1.connection(ctx);
        }
    }

    /**
     * Reads a request's body under the read deadline; the read fails (and the connection closes) when the caller
     * stops sending before the end of the body. Off a web server's connection thread, it only reads.
     */
    public static <T> T whileReadingBody(Supplier<T> read) {
        Exchange exchange = CURRENT.get();
        if (exchange == null) {
            return read.get();
        }
        exchange.await();
        T body;
        try {
            body = read.get();
        } finally {
            if (exchange.done()) {
                // Ran out just as the last bytes came: the connection is given up all the same, never half-served.
                throw new CloseConnectionException("the request body did not arrive within the read timeout");
            }
        }
        exchange.bodyRead();
        return body;
    }

    private Exchange exchange() {
        Exchange exchange = CURRENT.get();
        if (exchange == null) {
            exchange = new Exchange(this, Thread.currentThread());
            CURRENT.set(exchange);
            exchanges.add(exchange);
        }
        return exchange;
    }

    /**
     * Whether the request declares a body. A Content-Length the server cannot read (two of them, a list, a sign, hex,
     * past a long) is the caller's malformed framing: refused 400 and the connection closed, as the web server
     * refuses other framing, instead of failing here (a 500).
     */
    private static boolean declaresBody(Headers headers) {
        if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
            return false;
        }
        try {
            return headers.contentLength().orElse(0L) > 0;
        } catch (RuntimeException unreadable) {
            throw Json.malformedFraming("Invalid Content-Length");
        }
    }

    private final class Received implements Http1ConnectionListener {
        @Override
        public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
            Exchange exchange = exchange();
            if (exchange.closing) {
                throw new CloseConnectionException("a request after an answer that closed the connection");
            }
            exchange.bodyRead();
            exchange.await();
        }

        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            Exchange exchange = exchange();
            if (exchange.done()) {
                throw new CloseConnectionException("the request headers did not arrive within the read timeout");
            }
            exchange.unreadBody = declaresBody(headers);
            // Helidon writes this answer's Connection: close itself, past the send listener's view of the headers.
            exchange.askedToClose = headers.containsToken(HeaderValues.CONNECTION_CLOSE);
        }
    }

    private final class Sent implements Http1ConnectionListener {
        @Override
        public void status(ConnectionContext ctx, Status status) {
            Exchange exchange = exchange();
            if (exchange.unreadBody) {
                // The web server reads the rest of this body before the next request line: that read has a deadline too.
                exchange.await();
            }
        }

        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            Exchange exchange = exchange();
            if (exchange.askedToClose || headers.containsToken(HeaderValues.CONNECTION_CLOSE)) {
                exchange.closing = true;
                // A client that neither closes nor sends is given the read timeout, not the idle timeout.
                exchange.await();
            }
        }
    }

    /**
     * Whether this thread's connection has answered {@code Connection: close}: the web server's refusal of what the
     * client sent after it must not be answered, only the connection closed ({@link ApiErrors#directHandlers()}).
     */
    static boolean closing() {
        Exchange exchange = CURRENT.get();
        return exchange != null && exchange.closing;
    }

    /** One connection's current phase: its deadline (0 when no phase runs), and whether it ran out. */
    private static final class Exchange {
        private final ConnectionGuard guard;
        private final Thread thread;
        private long deadline;
        private boolean expired;
        private volatile boolean unreadBody;
        private volatile boolean closing;
        private volatile boolean askedToClose;

        Exchange(ConnectionGuard guard, Thread thread) {
            this.guard = guard;
            this.thread = thread;
        }

        synchronized void await() {
            // Never 0, which means "no phase".
            deadline = (System.nanoTime() + guard.timeoutNanos) | 1;
        }

        /** Ends the phase; true when it had run out (the interrupt it caused is cleared here if no read took it). */
        synchronized boolean done() {
            deadline = 0;
            boolean ranOut = expired;
            expired = false;
            if (ranOut) {
                Thread.interrupted();
            }
            return ranOut;
        }

        void bodyRead() {
            unreadBody = false;
        }

        synchronized void expireIfDue(long now) {
            if (deadline != 0 && now - deadline >= 0) {
                deadline = 0;
                expired = true;
                thread.interrupt();
            }
        }
    }
}
