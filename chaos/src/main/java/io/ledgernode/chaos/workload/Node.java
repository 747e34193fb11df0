package io.ledgernode.chaos.workload;

import java.net.URI;
import java.util.Objects;

/** One org's node-service: the org it acts as and where its REST and gRPC listeners are. */
public record Node(String org, String mspId, URI rest, String grpcHost, int grpcPort) {
    public Node {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(rest, "rest");
    }
}
