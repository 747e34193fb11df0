package io.ledgernode.chaos.nemesis;

import java.util.List;

/**
 * Every kind of fault the nemesis injects, and which of the node's processes (by name prefix, as the supervisor's
 * run directory names them) each one may hit.
 */
public enum FaultKind {
    KILL_ORDERER(Action.KILL, "orderer"),
    KILL_PEER(Action.KILL, "peer"),
    KILL_CHAINCODE(Action.KILL, "ccaas"),
    KILL_POSTGRES(Action.KILL, "postgres"),
    KILL_BRIDGE(Action.KILL, "sync-bridge"),
    KILL_NODE(Action.KILL, "node-service"),
    KILL_RECONCILER(Action.KILL, "reconciler"),
    HANG_PEER(Action.HANG, "peer"),
    HANG_POSTGRES(Action.HANG, "postgres"),
    HANG_NODE(Action.HANG, "node-service"),
    /** A peer and the orderer at once: no endorsement and no ordering until both are back. */
    KILL_PEER_AND_ORDERER(Action.KILL, "peer", "orderer"),
    /**
     * A node-service killed after the orderer took its transaction and before the commit status came back: the
     * nemesis waits for the node's "submitted tx=" log line, freezes the node at once (SIGSTOP) and kills it.
     */
    KILL_NODE_IN_COMMIT_WINDOW(Action.KILL, "node-service");

    /** SIGKILL, or SIGSTOP for a few seconds then SIGCONT. */
    public enum Action { KILL, HANG }

    private final Action action;
    private final List<String> prefixes;

    FaultKind(Action action, String... prefixes) {
        this.action = action;
        this.prefixes = List.of(prefixes);
    }

    public Action action() {
        return action;
    }

    /** One target process per prefix. */
    public List<String> prefixes() {
        return prefixes;
    }
}
