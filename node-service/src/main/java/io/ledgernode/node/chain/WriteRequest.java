package io.ledgernode.node.chain;

import java.util.function.Consumer;

/**
 * A write as a transport received it, built once at the edge (the REST body read once, or the proto message), that
 * becomes its ledger-api request record when given the caller-scoped idempotency key. Operations give the key only
 * after the caller's role and key are checked, so a request's own refusals come after those on both transports.
 * Every write's request carries the key: the chaincode records each under it and answers a replay with the original.
 *
 * @param <R> the ledger-api request type
 */
@FunctionalInterface
public interface WriteRequest<R> {

    /** The request under {@code idempotencyKey}; a field that breaks the request type's rules is a {@code LedgerException}. */
    R withKey(String idempotencyKey);

    /** This request, with {@code check} run on the request record once it is built (a caller's right to what it names). */
    default WriteRequest<R> checked(Consumer<? super R> check) {
        return idempotencyKey -> {
            R request = withKey(idempotencyKey);
            check.accept(request);
            return request;
        };
    }
}
