package io.ledgernode.node.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** Sends one signed message to a receiver; empty when it answered 2xx, else why not (for the subscription's lastError). */
@FunctionalInterface
interface Deliverer {

    Optional<String> send(String url, String webhookId, long timestamp, String signature, String body);

    /**
     * Over HTTP with the JDK's client: no redirects followed, a deadline per delivery, the answer's body discarded, and
     * no request to a private address unless {@code privateAllowed}.
     */
    static Deliverer http(Duration requestTimeout, boolean privateAllowed) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout).build();
        return (url, webhookId, timestamp, signature, body) -> {
            Optional<String> refused = ReceiverAddresses.refusal(url, privateAllowed);
            if (refused.isPresent()) {
                return refused;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                    .header("Content-Type", "application/json").header("User-Agent", "ledger-node-webhooks/1")
                    .header("webhook-id", webhookId).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status / 100 == 2 ? Optional.empty() : Optional.of("the receiver answered HTTP " + status);
            } catch (HttpConnectTimeoutException e) {
                return Optional.of("no connection within " + requestTimeout);
            } catch (HttpTimeoutException e) {
                return Optional.of("no answer within " + requestTimeout);
            } catch (IOException e) {
                return Optional.of(unreachable(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        };
    }

    /**
     * Why the receiver could not be reached, in words a subscriber can act on: the subscription's lastError is read by
     * callers, who should see neither the node's class names nor the JDK's messages (they may name the node's own
     * addresses).
     */
    static String unreachable(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "the receiver refused the connection (nothing listens at that address and port)";
            }
            if (cause instanceof java.net.UnknownHostException) {
                return "the receiver's host name does not resolve";
            }
            if (cause instanceof java.net.NoRouteToHostException) {
                return "there is no route to the receiver's host";
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                return "the TLS handshake with the receiver failed (check its certificate)";
            }
        }
        return "the connection to the receiver failed before it answered";
    }
}
