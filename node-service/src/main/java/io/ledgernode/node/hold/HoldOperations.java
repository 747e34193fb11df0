package io.ledgernode.node.hold;

import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.mirror.Hold;
import io.ledgernode.node.mirror.Mirror;

/**
 * Two-phase holds, whatever the transport: place, capture, void. A wallet acts only on holds of its own accounts
 * (any other hold is "not found"); an operator on any.
 */
public final class HoldOperations {

    private final Mirror mirror;
    private final LedgerWriter writer;

    public HoldOperations(Mirror mirror, LedgerWriter writer) {
        this.mirror = mirror;
        this.writer = writer;
    }

    /** {@code {"holdId","account","amount","expiresAt","payee"?}}. */
    public WriteResult place(Caller caller, String idempotencyKey, WriteRequest<PlaceHoldRequest> request) {
        return writer.submit(Transactions.HOLDS_PLACE, caller, idempotencyKey,
                request.checked(place -> requireOwn(caller, place.account())), Role.WALLET, Role.OPERATOR);
    }

    /**
     * {@code {"to","amount"}} for hold {@code holdId}: the hold's id is checked, and the caller's right to it, before
     * the rest of the request is.
     */
    public WriteResult capture(Caller caller, String idempotencyKey, String holdId, WriteRequest<CaptureHoldRequest> request) {
        return writer.submit(Transactions.HOLDS_CAPTURE, caller, idempotencyKey, ownHold(caller, holdId, request),
                Role.WALLET, Role.OPERATOR);
    }

    /** Returns the whole held amount to the account. */
    public WriteResult voidHold(Caller caller, String idempotencyKey, String holdId) {
        return writer.submit(Transactions.HOLDS_VOID, caller, idempotencyKey, ownHold(caller, holdId, key -> HoldRequest.of(holdId)),
                Role.WALLET, Role.OPERATOR);
    }

    /** {@code request}, once hold {@code holdId} is checked to be well formed and the caller's own. */
    private <R> WriteRequest<R> ownHold(Caller caller, String holdId, WriteRequest<R> request) {
        return key -> {
            Require.holdId("id", holdId);
            requireOwnHold(caller, holdId);
            return request.withKey(key);
        };
    }

    private static void requireOwn(Caller caller, String account) {
        if (!caller.has(Role.OPERATOR) && !caller.accounts().contains(account)) {
            throw ApiException.notFound("account " + account);
        }
    }

    private void requireOwnHold(Caller caller, String holdId) {
        if (caller.has(Role.OPERATOR)) {
            return;
        }
        String account = mirror.read(view -> view.hold(holdId)).value().map(Hold::accountId)
                .orElseThrow(() -> ApiException.notFound("hold " + holdId));
        requireOwn(caller, account);
    }
}
