package io.ledgernode.netconfig.roster;

import io.ledgernode.netconfig.model.InvalidNetworkException;

/**
 * This node's own processes beside the Fabric network, as the operator configured them ({@code LEDGER_NODE_ORG},
 * {@code LEDGER_DATABASE_URL}, {@code LEDGER_*_PORT} in {@code scripts/lib/config.sh}): the org it acts for, whether
 * its mirror is an embedded PostgreSQL (false: an external database, so no PostgreSQL process of its own), and the
 * port of each of its processes. Every other member org's node runs here too, on the next ports in member order.
 */
public record LocalNode(String org, boolean embeddedDatabase, int pgPort, int bridgePort, int apiPort, int grpcPort,
                        int reconcilerPort) {

    public LocalNode {
        if (org == null || org.isBlank()) {
            throw new InvalidNetworkException("the node's org is required");
        }
        requirePort("PostgreSQL port", pgPort);
        requirePort("sync-bridge port", bridgePort);
        requirePort("API port", apiPort);
        requirePort("gRPC port", grpcPort);
        requirePort("reconciler port", reconcilerPort);
    }

    /** The same node with every port moved by {@code offset}, like the network's. */
    public LocalNode withPortOffset(int offset) {
        return new LocalNode(org, embeddedDatabase, pgPort + offset, bridgePort + offset, apiPort + offset,
                grpcPort + offset, reconcilerPort + offset);
    }

    static void requirePort(String what, int port) {
        if (port < 1024 || port > 65535) {
            throw new InvalidNetworkException(what + " must be in [1024, 65535], got " + port);
        }
    }
}
