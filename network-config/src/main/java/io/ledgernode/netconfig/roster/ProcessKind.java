package io.ledgernode.netconfig.roster;

/** What a process of the roster is; {@link #wireName()} is the word the operator scripts switch on. */
public enum ProcessKind {
    ORDERER("orderer"),
    PEER("peer"),
    CHAINCODE("chaincode"),
    POSTGRES("postgres"),
    SYNC_BRIDGE("sync-bridge"),
    NODE_SERVICE("node-service"),
    RECONCILER("reconciler");

    private final String wireName;

    ProcessKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
