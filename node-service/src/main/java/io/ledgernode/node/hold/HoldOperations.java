package io.ledgernode.node.hold;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.http.Requests;
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
    public WriteResult place(Caller caller, String idempotencyKey, ObjectNode body) {
        Requests.requireRole(caller, Role.WALLET, Role.OPERATOR);
        String key = Requests.scopedKey(idempotencyKey, caller);
        PlaceHoldRequest place = LedgerJson.read(Requests.withIdempotencyKey(body, key).toString(), PlaceHoldRequest.class);
        requireOwn(caller, place.account());
        return new WriteResult(key, writer.submit(Transactions.HOLDS_PLACE, LedgerJson.writeString(place)));
    }

    /** {@code {"to","amount"}} for hold {@code holdId}. */
    public WriteResult capture(Caller caller, String idempotencyKey, String holdId, ObjectNode body) {
        Requests.requireRole(caller, Role.WALLET, Role.OPERATOR);
        String key = Requests.scopedKey(idempotencyKey, caller);
        Require.holdId("id", holdId);
        requireOwnHold(caller, holdId);
        if (body.has("holdId")) {
            throw ApiException.badRequest("the hold is named by the path, not the body");
        }
        CaptureHoldRequest capture = LedgerJson.read(Requests.withIdempotencyKey(body, key).put("holdId", holdId).toString(),
                CaptureHoldRequest.class);
        return new WriteResult(key, writer.submit(Transactions.HOLDS_CAPTURE, LedgerJson.writeString(capture)));
    }

    /** Returns the whole held amount to the account. */
    public WriteResult voidHold(Caller caller, String idempotencyKey, String holdId) {
        Requests.requireRole(caller, Role.WALLET, Role.OPERATOR);
        String key = Requests.scopedKey(idempotencyKey, caller);
        Require.holdId("id", holdId);
        requireOwnHold(caller, holdId);
        HoldRequest hold = LedgerJson.read(Json.MAPPER.createObjectNode().put("holdId", holdId).toString(), HoldRequest.class);
        return new WriteResult(key, writer.submit(Transactions.HOLDS_VOID, LedgerJson.writeString(hold)));
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
