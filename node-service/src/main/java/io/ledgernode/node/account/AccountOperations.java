package io.ledgernode.node.account;

import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.MirrorReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Accounts, whatever the transport (REST or gRPC): open one (operators), read one with its balance and open holds,
 * page through its history. An account the caller may not see is "not found", exactly like one that does not exist:
 * no existence leak.
 */
public final class AccountOperations {

    /** Longest cursor text: three 19-digit numbers and two colons, in base64url. */
    private static final int CURSOR_LENGTH_MAX = 80;

    private final MirrorReader mirror;
    private final LedgerWriter writer;
    private final Duration minBlockWaitMax;
    private final int pageSizeDefault;
    private final int pageSizeMax;

    public AccountOperations(MirrorReader mirror, LedgerWriter writer, Duration minBlockWaitMax, int pageSizeDefault, int pageSizeMax) {
        this.mirror = mirror;
        this.writer = writer;
        this.minBlockWaitMax = minBlockWaitMax;
        this.pageSizeDefault = pageSizeDefault;
        this.pageSizeMax = pageSizeMax;
    }

    /** {@code {"id","asset","ownerRef","jurisdiction"}}, opened with the node's org as custodian. */
    public WriteResult open(Caller caller, String idempotencyKey, WriteRequest<OpenAccountRequest> request) {
        Requests.requireRole(caller, Role.OPERATOR);
        String key = Requests.scopedKey(idempotencyKey, caller);
        // The chaincode's own request type validates every field, with its stable codes, before anything is sent;
        // Accounts:open carries no key of its own: the key only names this write to the caller.
        return new WriteResult(key, writer.submit(Transactions.ACCOUNTS_OPEN, request.withKey(key)));
    }

    /** The account with balance, held amount, its open holds (at most a page) and the mirror height. */
    public Map<String, Object> get(Caller caller, String id, OptionalLong minBlock) {
        Require.accountId("id", id);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        List<MirrorReader.Rows> read = mirror.accountWithHolds(id, pageSizeMax);
        Map<String, Object> body = new LinkedHashMap<>(visible(caller, id, read.get(0)));
        body.put("holds", read.get(1).rows());
        body.put("mirrorHeight", read.get(0).mirrorHeight());
        return body;
    }

    /** A page of the account's entries, newest first, with the cursor of the next (older) page or null. */
    public Map<String, Object> history(Caller caller, String id, Optional<String> cursor, Optional<String> limitText, OptionalLong minBlock) {
        // Every parameter is checked before the mirror is asked anything.
        Require.accountId("id", id);
        int limit = Requests.limit(limitText, pageSizeDefault, pageSizeMax);
        Optional<long[]> after = cursor.map(AccountOperations::position);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        requireVisible(caller, id);
        MirrorReader.Rows page = mirror.history(id, after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.rows());
        body.put("nextCursor", page.rows().size() < limit ? null : cursorAfter(page.rows().get(page.rows().size() - 1)));
        body.put("mirrorHeight", page.mirrorHeight());
        return body;
    }

    /** Refuses (as not found) an account the caller may not see. */
    public void requireVisible(Caller caller, String id) {
        visible(caller, id, mirror.account(id));
    }

    /** The account's row if the caller may see it; a 404 exactly like a missing account otherwise. */
    private static Map<String, Object> visible(Caller caller, String id, MirrorReader.Rows account) {
        Optional<Map<String, Object>> row = account.first();
        if (row.isEmpty() || !caller.mayRead(id, (String) row.get().get("jurisdiction"))) {
            throw ApiException.notFound("account " + id);
        }
        return row.get();
    }

    /** A cursor is the (block, tx, entry) position of the last entry of the page before, base64url. */
    private static long[] position(String text) {
        try {
            String[] parts = text.length() > CURSOR_LENGTH_MAX ? new String[0]
                    : new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length == 3) {
                long[] position = new long[3];
                for (int i = 0; i < 3; i++) {
                    position[i] = Requests.wholeNumber(parts[i]).orElseThrow(IllegalArgumentException::new);
                }
                return position;
            }
        } catch (IllegalArgumentException e) {
            // Not base64url, or not three whole numbers: answered below like any other foreign cursor.
        }
        throw ApiException.badRequest("cursor is not one this service gave out");
    }

    private static String cursorAfter(Map<String, Object> last) {
        String text = last.get("blockNumber") + ":" + last.get("txIndex") + ":" + last.get("entryIndex");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
