package io.ledgernode.netconfig.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The ordering service's consensus, as Fabric names it in the channel configuration, with the numbers of orderers
 * that make sense for it. Raft tolerates f crashed orderers with 2f+1 of them, so an even number adds a node and no
 * tolerance; one orderer is the development shape and tolerates nothing. BFT (SmartBFT, Fabric 3) tolerates f
 * faulty, even malicious, orderers with 3f+1 of them, so it needs at least four.
 */
public enum Consensus {
    ETCDRAFT("etcdraft"),
    BFT("BFT");

    private final String fabricName;

    Consensus(String fabricName) {
        this.fabricName = fabricName;
    }

    /** The {@code OrdererType} of configtx.yaml, and the description's spelling. */
    @JsonValue
    public String fabricName() {
        return fabricName;
    }

    @JsonCreator
    public static Consensus of(String name) {
        return Arrays.stream(values()).filter(c -> c.fabricName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidNetworkException("ordering.consensus must be etcdraft or BFT, got '" + name + "'"));
    }

    /** Refuses an orderer count this consensus cannot use well, naming the field. */
    void requireOrderers(int orderers) {
        if (this == ETCDRAFT) {
            Names.require(orderers == 1 || orderers == 3 || orderers == 5 || orderers == 7,
                    "ordering.consensus etcdraft needs 1 (development, no fault tolerance), 3, 5 or 7 orderers across"
                            + " ordererOrgs, got " + orderers + (orderers % 2 == 0 ? " (an even count tolerates no more failures than one fewer)" : ""));
        } else {
            Names.require(orderers >= 4, "ordering.consensus BFT needs at least 4 orderers across ordererOrgs (3f+1 tolerate f), got " + orderers);
        }
    }
}
