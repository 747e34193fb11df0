package io.ledgernode.node.account;

import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.AccountEntry;
import io.ledgernode.mirror.AccountWithHolds;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.chain.WriteRequest;
import io.ledgernode.node.chain.WriteResult;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

    private final Mirror mirror;
    private final LedgerWriter writer;
    private final Duration minBlockWaitMax;
    private final int pageSizeDefault;
    private final int pageSizeMax;
    private final java.util.concurrent.ConcurrentMap<String, Integer> decimals = new java.util.concurrent.ConcurrentHashMap<>();

    /** Assets whose decimals are remembered; the mirror holds at most this many in any deployment we know of. */
    static final int DECIMALS_REMEMBERED_MAX = 10_000;

    public AccountOperations(Mirror mirror, LedgerWriter writer, Duration minBlockWaitMax, int pageSizeDefault, int pageSizeMax) {
        this.mirror = mirror;
        this.writer = writer;
        this.minBlockWaitMax = minBlockWaitMax;
        this.pageSizeDefault = pageSizeDefault;
        this.pageSizeMax = pageSizeMax;
    }

    /** {@code {"id","asset","ownerRef","jurisdiction"}}, opened with the node's org as custodian. */
    public WriteResult open(Caller caller, String idempotencyKey, WriteRequest<OpenAccountRequest> request) {
        // The chaincode's own request type validates every field, with its stable codes, before anything is sent.
        return writer.submit(Transactions.ACCOUNTS_OPEN, caller, idempotencyKey, request, Role.OPERATOR);
    }

    /**
     * {@code {"accounts":[{"id","asset","ownerRef","jurisdiction"}, ...]}}: all opened in one transaction, or none,
     * at most the ledger's {@code bulkOpenMax}.
     */
    public WriteResult openMany(Caller caller, String idempotencyKey, WriteRequest<OpenAccountsRequest> request) {
        return writer.submit(Transactions.ACCOUNTS_OPEN_MANY, caller, idempotencyKey, request, Role.OPERATOR);
    }

    /** The account with balance, held amount, its open holds (at most a page) and the mirror height. */
    public AccountAnswer get(Caller caller, String id, OptionalLong minBlock) {
        Require.accountId("id", id);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        MirrorReader.Snapshot<AccountWithHolds> read = mirror.accountWithHolds(id, pageSizeMax);
        Account account = visible(caller, id, read.value().account());
        return AccountAnswer.of(account, decimals(account.asset()), read.value().openHolds(), read.height());
    }

    /** A page of the account's entries, newest first, with the cursor of the next (older) page or null. */
    public HistoryPage history(Caller caller, String id, Optional<String> cursor, Optional<String> limitText, OptionalLong minBlock) {
        // Every parameter is checked before the mirror is asked anything.
        Require.accountId("id", id);
        int limit = Requests.limit(limitText, pageSizeDefault, pageSizeMax);
        EntryPosition before = cursor.map(AccountOperations::position).orElse(EntryPosition.LAST);
        minBlock.ifPresent(block -> mirror.awaitBlock(block, minBlockWaitMax));
        requireVisible(caller, id);
        MirrorReader.Snapshot<List<AccountEntry>> page = mirror.read(view -> view.entriesBefore(id, before, limit));
        List<AccountEntry> entries = page.value();
        String nextCursor = entries.size() < limit ? null : cursorAfter(entries.get(entries.size() - 1).entry().position());
        return new HistoryPage(entries.stream().map(HistoryLine::of).toList(), nextCursor, page.height());
    }

    /**
     * A page of the accounts the caller may read, in id order: every account (or one jurisdiction's) for auditors,
     * operators and issuers; a regulator's own jurisdiction's (naming another is refused); a wallet's own accounts.
     */
    public AccountsPage list(Caller caller, Optional<String> jurisdiction, Optional<String> cursor, Optional<String> limitText) {
        int limit = Requests.limit(limitText, pageSizeDefault, pageSizeMax);
        String after = cursor.map(AccountOperations::afterId).orElse("");
        jurisdiction.ifPresent(code -> Require.jurisdiction("jurisdiction", code));
        boolean all = caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR) || caller.has(Role.ISSUER);
        MirrorReader.Snapshot<List<Account>> read;
        if (all || caller.has(Role.REGULATOR)) {
            Optional<String> scope = all ? jurisdiction : caller.jurisdiction();
            if (!all && jurisdiction.isPresent() && !jurisdiction.equals(caller.jurisdiction())) {
                throw ApiException.forbidden("a regulator lists the accounts of its own jurisdiction only");
            }
            read = mirror.read(view -> view.accounts(scope, after, limit));
        } else {
            // A wallet: its token's accounts that exist, in id order, a page at a time.
            List<String> own = caller.accounts().stream().filter(id -> id.compareTo(after) > 0).sorted().limit(limit).toList();
            read = mirror.read(view -> {
                List<Account> found = new java.util.ArrayList<>();
                for (String id : own) {
                    view.account(id).filter(account -> jurisdiction.isEmpty() || jurisdiction.get().equals(account.jurisdiction()))
                            .ifPresent(found::add);
                }
                return found;
            });
        }
        List<Account> accounts = read.value();
        String next = accounts.size() < limit ? null : cursorOf(accounts.get(accounts.size() - 1).id());
        return new AccountsPage(accounts.stream().map(AccountsPage.Line::of).toList(), next, read.height());
    }

    /** An accounts cursor is the id of the last account of the page before, base64url (64 characters: 86). */
    private static String afterId(String text) {
        try {
            if (text.length() <= 88) {
                return Require.accountId("cursor", new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException | io.ledgernode.api.LedgerException e) {
            // Not base64url, or not an account id: answered below like any other foreign cursor.
        }
        throw ApiException.badRequest("cursor is not one this service gave out");
    }

    private static String cursorOf(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The asset's decimals. They never change once the asset is registered (the chaincode refuses a second
     * registration), so each is read from the mirror once and then remembered: a balance read costs no second
     * snapshot. At most {@link #DECIMALS_REMEMBERED_MAX} assets are remembered; past that, each read asks the mirror.
     */
    private int decimals(String asset) {
        Integer known = decimals.get(asset);
        if (known != null) {
            return known;
        }
        int read = mirror.read(view -> view.asset(asset)).value().map(io.ledgernode.mirror.Asset::decimals)
                .orElseThrow(() -> new IllegalStateException("the mirror has account rows of asset " + asset + " but not the asset"));
        if (decimals.size() < DECIMALS_REMEMBERED_MAX) {
            decimals.put(asset, read);
        }
        return read;
    }

    /** Refuses (as not found) an account the caller may not see. */
    public void requireVisible(Caller caller, String id) {
        visible(caller, id, mirror.read(view -> view.account(id)).value());
    }

    /** The account's row if the caller may see it; a 404 exactly like a missing account otherwise. */
    private static Account visible(Caller caller, String id, Optional<Account> account) {
        if (account.isEmpty() || !caller.mayRead(id, account.get().jurisdiction())) {
            throw ApiException.notFound("account " + id);
        }
        return account.get();
    }

    /** A cursor is the (block, tx, entry) position of the last entry of the page before, base64url. */
    private static EntryPosition position(String text) {
        try {
            String[] parts = text.length() > CURSOR_LENGTH_MAX ? new String[0]
                    : new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length == 3) {
                long[] position = new long[3];
                for (int i = 0; i < 3; i++) {
                    position[i] = Requests.wholeNumber(parts[i]).orElseThrow(IllegalArgumentException::new);
                }
                return new EntryPosition(position[0], position[1], position[2]);
            }
        } catch (IllegalArgumentException e) {
            // Not base64url, or not three whole numbers: answered below like any other foreign cursor.
        }
        throw ApiException.badRequest("cursor is not one this service gave out");
    }

    private static String cursorAfter(EntryPosition last) {
        String text = last.blockNumber() + ":" + last.txIndex() + ":" + last.entryIndex();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
