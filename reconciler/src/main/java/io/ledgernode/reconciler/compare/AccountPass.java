package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.KeyOrder;
import io.ledgernode.reconciler.mirror.AccountHistory;
import io.ledgernode.reconciler.mirror.MirrorAccountIds;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every account, chain against mirror, one page at a time: the chain's pages come in id order, and beside them the
 * mirror's accounts stream in the same order, so an account the mirror has and the chain does not shows up as a gap
 * in the chain's pages. Memory holds a few pages, never all accounts.
 */
final class AccountPass {

    private static final Logger LOG = Logger.getLogger(AccountPass.class.getName());

    /** What the pass compared: accounts, the heights it spanned, and the chain's holdings per asset (balance + held). */
    record Result(long accounts, long firstLow, long lastHigh, Map<String, BigInteger> chainHoldings) {
    }

    private final PassContext run;
    private final DataSource mirrorPool;
    private final Rechecker rechecker;
    private final Map<String, BigInteger> holdings = new HashMap<>();
    private long accounts;
    private long firstLow = -1;
    private long lastHigh;
    private String previousLast;

    AccountPass(PassContext run, DataSource mirrorPool) {
        this.run = run;
        this.mirrorPool = mirrorPool;
        this.rechecker = new Rechecker(run);
    }

    Result run() throws SQLException, InterruptedException {
        try (MirrorAccountIds mirrorIds = MirrorAccountIds.open(mirrorPool);
             ChainPages pages = new ChainPages(run.chain(), run.config().pageSize(), run.config().pagesAheadMax(),
                     run.config().windowBlocksMax())) {
            for (ChainPages.Bracketed page = pages.next(); page != null; page = pages.next()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("the account pass was interrupted");
                }
                compare(page, mirrorIds);
            }
            // After the last page: whatever the mirror still lists lies beyond the chain's last account.
            List<String> beyond = new ArrayList<>();
            for (MirrorAccountIds.MirrorAccount extra = mirrorIds.take(); extra != null; extra = mirrorIds.take()) {
                beyond.add(extra.id());
                if (beyond.size() >= run.config().pageSize()) {
                    recheckMirrorOnly(beyond);
                    beyond.clear();
                }
            }
            recheckMirrorOnly(beyond);
        }
        run.sink().flush();
        return new Result(accounts, Math.max(firstLow, 0), lastHigh, Map.copyOf(holdings));
    }

    private void compare(ChainPages.Bracketed bracketed, MirrorAccountIds mirrorIds) throws SQLException, InterruptedException {
        List<AccountLine> lines = bracketed.page().accounts();
        Window window = bracketed.window();
        if (firstLow < 0) {
            firstLow = window.low();
        }
        lastHigh = Math.max(lastHigh, window.high());
        requireOrder(lines);
        List<String> ids = lines.stream().map(AccountLine::id).toList();
        Map<String, AccountHistory> histories = ids.isEmpty() ? Map.of()
                : run.mirrorWait().until(window.high(), () -> run.mirror().accounts(ids, window.low(), window.high()));
        PageCheck.Outcome outcome = PageCheck.check(lines, histories, window);
        run.sink().addAll(outcome.breaks());
        for (AccountLine line : lines) {
            accounts++;
            holdings.merge(line.asset(), BigInteger.valueOf(line.balance().minorUnits()).add(BigInteger.valueOf(line.held().minorUnits())), BigInteger::add);
        }
        for (String id : outcome.recheck()) {
            rechecker.recheck(id);
        }
        if (!outcome.recheck().isEmpty()) {
            LOG.fine(() -> "rechecked " + outcome.recheck().size() + " accounts that changed while their page was read");
        }
        recheckMirrorOnly(mirrorOnly(mirrorIds, lines));
    }

    /** The mirror's accounts up to this page's last id that the page lacks. */
    private static List<String> mirrorOnly(MirrorAccountIds mirrorIds, List<AccountLine> lines)
            throws SQLException {
        List<String> candidates = new ArrayList<>();
        if (lines.isEmpty()) {
            return candidates;
        }
        Set<String> onPage = new HashSet<>();
        lines.forEach(line -> onPage.add(line.id()));
        String last = lines.get(lines.size() - 1).id();
        while (mirrorIds.peek() != null && KeyOrder.IDS.compare(mirrorIds.peek().id(), last) <= 0) {
            String id = mirrorIds.take().id();
            if (!onPage.contains(id)) {
                candidates.add(id);
            }
        }
        return candidates;
    }

    /**
     * Accounts the mirror listed where the chain's pages have none. Usually a break; but the account may have been
     * opened on chain just as its page was read, so each is rechecked alone before it is called one.
     */
    private void recheckMirrorOnly(List<String> ids) throws SQLException, InterruptedException {
        for (String id : ids) {
            Rechecker.Outcome outcome = rechecker.recheck(id);
            if (outcome.chainLine().isPresent()) {
                AccountLine line = outcome.chainLine().get();
                accounts++;
                holdings.merge(line.asset(), BigInteger.valueOf(line.balance().minorUnits()).add(BigInteger.valueOf(line.held().minorUnits())), BigInteger::add);
            }
        }
    }

    /** The chain lists ids strictly ascending across pages; the merge with the mirror depends on it. */
    private void requireOrder(List<AccountLine> lines) {
        for (AccountLine line : lines) {
            if (previousLast != null && KeyOrder.IDS.compare(previousLast, line.id()) >= 0) {
                throw new IllegalStateException("the chain listed account " + line.id() + " after " + previousLast
                        + ": not in id order");
            }
            previousLast = line.id();
        }
    }
}
