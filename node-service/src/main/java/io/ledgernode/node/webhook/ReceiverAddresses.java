package io.ledgernode.node.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may be sent. Unless the node is configured to deliver to private addresses
 * ({@code node.webhooks.private-addresses-allowed}), a receiver whose host is or resolves to a loopback, link-local
 * (cloud metadata services among them), site-local, unique-local, wildcard, multicast, special-purpose (reserved,
 * benchmarking, documentation, broadcast) or IPv4-embedding IPv6 (NAT64, 6to4, Teredo) address is refused: a caller
 * must not be able to make the node send requests into its own network. Checked when a subscription is created and
 * again before every delivery, since a name may resolve elsewhere later.
 */
final class ReceiverAddresses {

    private ReceiverAddresses() {
    }

    /**
     * A host made only of numbers, in any of the forms the C library's {@code inet_aton} reads as an IPv4 address
     * (hexadecimal {@code 0x7f000001}, octal {@code 0177.0.0.1}, decimal {@code 2130706433}, shortened
     * {@code 127.1}). The JDK does not read all of them as addresses, so such a host escaped the private-address check
     * as a name that does not resolve, while another resolver on the way may well read it as 127.0.0.1.
     */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    /** The one way to write an IPv4 address that every reader agrees on: four decimal parts, 0 to 255, no leading 0. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    /** Why {@code url} may not be delivered to, or empty when it may. A name that does not resolve is left to delivery. */
    static Optional<String> refusal(String url, boolean privateAllowed) {
        String host = URI.create(url).getHost();
        if (host == null) {
            // java.net.URI finds no server-based host in e.g. http://127.1/ (the request's own check refuses it first).
            return Optional.of("the receiver's URL has no host name or address");
        }
        int port = URI.create(url).getPort();
        if (port == 0 || port > 65_535) {
            return Optional.of("the receiver's port " + port + " is not a port (1 to 65535)");
        }
        if (host.contains("%")) {
            // A zone (fe80::1%eth0) makes the address unresolvable here, so it passed the check below unseen.
            return Optional.of("the receiver's address " + host + " names a network interface (%zone); use a routable address");
        }
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("the receiver's host " + host + " is a number but not an IPv4 address written as four decimal "
                    + "parts (a.b.c.d); write it that way, or use a name");
        }
        if (privateAllowed) {
            return Optional.empty();
        }
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
            // fc00::/7, unique local addresses: IPv6's private networks; and every form that carries an IPv4 address
            // inside (IPv4-compatible ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32),
            // which a gateway on the way may turn into 127.0.0.1 or a private network.
            int first = (bytes[0] & 0xff) << 8 | bytes[1] & 0xff;
            int second = (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
            boolean compatible = true;
            for (int i = 0; i < 12; i++) {
                compatible &= bytes[i] == 0;
            }
            return (bytes[0] & 0xfe) == 0xfc || compatible || first == 0x0064 && (second == 0xff9b) || first == 0x2002
                    || first == 0x2001 && second == 0;
        }
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        int c = bytes[2] & 0xff;
        // 0.0.0.0/8; 100.64.0.0/10 (carrier-grade NAT); 192.0.0.0/24 (protocol assignments); 198.18.0.0/15 (benchmarking
        // networks); 240.0.0.0/4 (reserved, with the broadcast address 255.255.255.255); the three documentation
        // networks (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
        return a == 0 || a == 100 && (b & 0xc0) == 64 || a == 192 && b == 0 && (c == 0 || c == 2) || a == 198 && (b & 0xfe) == 18
                || a >= 240 || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113;
    }
}
