package io.ledgernode.gateway;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The gRPC name resolver behind one connection to an org's peers: it resolves to every peer of the org, in the
 * profile's order, each with the host name its TLS certificate carries. The channel's default {@code pick_first}
 * policy connects to the first that answers and, when that connection breaks (the peer or its host is lost), to the
 * next, so the gateway and the block streams fail over between an org's own peers without the caller knowing. Host
 * names are looked up again at every re-resolution, as a DNS resolver would.
 */
final class OrgPeers extends NameResolver.Factory {

    static final String SCHEME = "ledger-org-peers";

    private final List<NetworkProfile.Endpoint> peers;

    OrgPeers(List<NetworkProfile.Endpoint> peers) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("no peers to connect to");
        }
        this.peers = List.copyOf(peers);
    }

    /** The channel target this resolver answers. */
    static String target(String mspId) {
        return SCHEME + ":///" + mspId;
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme())) {
            return null;
        }
        return new NameResolver() {
            private Listener2 listener;

            @Override
            public String getServiceAuthority() {
                return peers.get(0).tlsHostname();
            }

            @Override
            public void start(Listener2 listener) {
                this.listener = listener;
                resolve();
            }

            @Override
            public void refresh() {
                resolve();
            }

            private void resolve() {
                StatusOr<List<EquivalentAddressGroup>> addresses;
                try {
                    addresses = StatusOr.fromValue(groups());
                } catch (IllegalArgumentException e) {
                    addresses = StatusOr.fromStatus(Status.UNAVAILABLE.withDescription("cannot resolve the org's peers: " + e.getMessage()));
                }
                listener.onResult2(ResolutionResult.newBuilder().setAddressesOrError(addresses).build());
            }

            @Override
            public void shutdown() {
            }
        };
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    /** One address group per peer, with the authority (TLS host name) to verify its certificate against. */
    List<EquivalentAddressGroup> groups() {
        List<EquivalentAddressGroup> groups = new ArrayList<>();
        for (NetworkProfile.Endpoint peer : peers) {
            int colon = peer.address().lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("peer address " + peer.address() + " is not HOST:PORT");
            }
            InetSocketAddress address = new InetSocketAddress(peer.address().substring(0, colon),
                    Integer.parseInt(peer.address().substring(colon + 1)));
            groups.add(new EquivalentAddressGroup(address,
                    Attributes.newBuilder().set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, peer.tlsHostname()).build()));
        }
        return groups;
    }
}
