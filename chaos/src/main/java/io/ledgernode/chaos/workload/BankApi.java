package io.ledgernode.chaos.workload;

import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Op;

/** One org's node-service as a client sees it, over one transport. Never throws for what the network does. */
public interface BankApi extends AutoCloseable {

    /** "rest" or "grpc". */
    String transport();

    /** Sends {@code op} under the caller's idempotency {@code key} and says what came back. */
    Answer send(Op op, String key);

    @Override
    void close();
}
