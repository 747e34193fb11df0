package io.ledgernode.node.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may be sent. Unless the node is configured to deliver to private addresses
 * ({@code node.webhooks.private-addresses-allowed}), a receiver whose host is or resolves to a loopback, link-local
 * (cloud metadata services among them), site-local, unique-local, wildcard or multicast address is refused: a caller
 * must not be able to make the node send requests into its own network. Checked when a subscription is created and
 * again before every delivery, since a name may resolve elsewhere later.
 */
final class ReceiverAddresses {

    private ReceiverAddresses() {
    }

    /** Why {@code url} may not be delivered to, or empty when it may. A name that does not resolve is left to delivery. */
    static Optional<String> refusal(String url, boolean privateAllowed) {
        if (privateAllowed) {
            return Optional.empty();
        }
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("the receiver's host " + host + " is a private address (" + address.getHostAddress() + "); this node "
                        + "delivers only to public ones (node.webhooks.private-addresses-allowed)");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses: IPv6's private networks.
            return (bytes[0] & 0xfe) == 0xfc;
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8.
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 || bytes[0] == 0;
    }
}
