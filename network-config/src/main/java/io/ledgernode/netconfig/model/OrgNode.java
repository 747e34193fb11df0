package io.ledgernode.netconfig.model;

/**
 * Where a member org runs its node (PostgreSQL mirror, sync-bridge, node-service, reconciler): the address of that
 * host, on which node-service also listens for the other orgs' attestation requests.
 */
public record OrgNode(String host) {

    public OrgNode {
        Names.requireHost(host);
    }
}
