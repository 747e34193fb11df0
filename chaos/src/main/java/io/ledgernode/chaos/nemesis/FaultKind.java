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
    KILL_NODE_IN_COMMIT_WINDOW(Action.KILL, "node-service"),
    /**
     * A whole host cut off from the network for a while, its processes left running (a consortium across hosts only:
     * the hosts are network namespaces, and the run is given the commands that cut and heal one).
     */
    PARTITION_HOST(Action.CUT);

    /** SIGKILL; SIGSTOP for a few seconds then SIGCONT; or a host's network taken away for a while, then given back. */
    public enum Action { KILL, HANG, CUT }

    /** The kinds a run on one host can inject: every kind but a partition. */
    public static java.util.Set<FaultKind> processFaults() {
        return java.util.EnumSet.complementOf(java.util.EnumSet.of(PARTITION_HOST));
    }

    private final Action action;
    private final List<String> prefixes;

    FaultKind(Action action, String... prefixes) {
        this.action = action;
        this.prefixes = List.of(prefixes);
    }

    public Action action() {
        return action;
    }

    /** One target process per prefix (none for a partition: its target is a host). */
    public List<String> prefixes() {
        return prefixes;
    }
}
