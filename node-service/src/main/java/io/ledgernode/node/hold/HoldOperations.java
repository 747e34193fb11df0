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
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Hold;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two-phase holds, whatever the transport: place, capture, void, release once expired, and read one or an account's
 * holds by status. A wallet acts only on holds of its own accounts (any other hold is "not found"); an operator on
 * any. A hold is read by whoever may read its account.
 */
public final class HoldOperations {

    /** Longest cursor text: a hold id of at most 64 characters, in base64url. */
    private static final int CURSOR_LENGTH_MAX = 88;

    private final Mirror mirror;
    private final LedgerWriter writer;
    private final Duration minBlockWaitMax;
    private final int pageSizeDefault;
    private final int pageSizeMax;

    public HoldOperations(Mirror mirror, LedgerWriter writer, Duration minBlockWaitMax, int pageSizeDefault, int pageSizeMax) {
        this.mirror = mirror;
        this.writer = writer;
        this.minBlockWaitMax = minBlockWaitMax;
        this.pageSizeDefault = pageSizeDefault;
        this.pageSizeMax = pageSizeMax;
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
        return writer.submit(Transactions.HOLDS_VOID, caller, idempotencyKey, ownHold(caller, holdId, key -> HoldRequest.of(key, holdId)),
                Role.WALLET, Role.OPERATOR);
    }

    /**
     * Returns an expired hold's whole amount to the account. The chaincode lets anyone release a hold at or after its
     * expiry (HOLD_NOT_EXPIRED before); here, as for void, a wallet only its own.
     */
    public WriteResult release(Caller caller, String idempotencyKey, String holdId) {
        return writer.submit(Transactions.HOLDS_RELEASE, caller, idempotencyKey, ownHold(caller, holdId, key -> HoldRequest.of(key, holdId)),
                Role.WALLET, Role.OPERATOR);
    }

    /** One hold, whatever its status, for whoever may read its account (404 otherwise, as for a hold that does not exist). */
    public HoldAnswer get(Caller caller, String holdId, OptionalLong minBlock) {
        Require.holdId("id", holdId);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        MirrorReader.Snapshot<Optional<Hold>> read = mirror.read(view -> {
            Optional<Hold> hold = view.hold(holdId);
            Optional<Account> account = hold.isEmpty() ? Optional.empty() : view.account(hold.get().accountId());
            return hold.filter(h -> account.isPresent() && caller.mayRead(h.accountId(), account.get().jurisdiction()));
        });
        return read.value().map(hold -> HoldAnswer.of(hold, read.height()))
                .orElseThrow(() -> ApiException.notFound("hold " + holdId));
    }

    /**
     * A page of the account's holds in id order, only those of {@code status} (OPEN, CAPTURED, VOIDED, RELEASED) when
     * given, for whoever may read the account.
     */
    public HoldsPage list(Caller caller, String accountId, Optional<String> status, Optional<String> cursor, Optional<String> limitText,
                          OptionalLong minBlock) {
        Require.accountId("id", accountId);
        Optional<HoldStatus> wanted = status.map(HoldOperations::status);
        int limit = Requests.limit(limitText, pageSizeDefault, pageSizeMax);
        String after = cursor.map(HoldOperations::afterId).orElse("");
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        MirrorReader.Snapshot<Optional<List<Hold>>> read = mirror.read(view -> {
            Optional<Account> account = view.account(accountId);
            if (account.isEmpty() || !caller.mayRead(accountId, account.get().jurisdiction())) {
                return Optional.empty();
            }
            return Optional.of(view.holds(accountId, wanted, after, limit));
        });
        List<Hold> holds = read.value().orElseThrow(() -> ApiException.notFound("account " + accountId));
        String next = holds.size() < limit ? null : cursorAfter(holds.get(holds.size() - 1).id());
        return new HoldsPage(holds.stream().map(hold -> HoldAnswer.of(hold, read.height())).toList(), next, read.height());
    }

    private static HoldStatus status(String text) {
        try {
            return HoldStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be one of " + Arrays.toString(HoldStatus.values()));
        }
    }

    /** A cursor is the id of the last hold of the page before, base64url. */
    private static String afterId(String text) {
        try {
            if (text.length() <= CURSOR_LENGTH_MAX) {
                return Require.holdId("cursor", new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException | LedgerException e) {
            // Not base64url, or not a hold id: answered below like any other foreign cursor.
        }
        throw ApiException.badRequest("cursor is not one this service gave out");
    }

    private static String cursorAfter(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
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
