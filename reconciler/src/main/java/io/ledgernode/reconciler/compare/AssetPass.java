package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.Subject;
import io.ledgernode.reconciler.mirror.SupplyHistory;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every asset's supply: on chain against the mirror's three figures (its supply row, its mints less burns, its
 * balances and holds), page by page like the accounts; assets the mirror has and the chain has not; and, for each
 * asset nothing moved during the run, the chain's supply against the sum of the chain's own balances and holds from
 * the account pass. Assets are few (the set of codes seen is kept in memory).
 */
final class AssetPass {

    /** What the pass compared, and the highest height it read. */
    record Result(long assets, long lastHigh) {
    }

    private final PassContext run;

    AssetPass(PassContext run) {
        this.run = run;
    }

    Result run(AccountPass.Result accountPass) throws SQLException, InterruptedException {
        Set<String> seen = new HashSet<>();
        long firstLow = -1;
        long lastHigh = accountPass.lastHigh();
        String bookmark = "";
        Map<String, Long> chainSupplies = new HashMap<>();
        while (true) {
            long before = run.chain().height();
            AssetLinesPage page = run.chain().assets(run.config().pageSize(), bookmark);
            Window window = Window.bracket(before, run.chain().height(), run.config().windowBlocksMax());
            firstLow = firstLow < 0 ? window.low() : firstLow;
            lastHigh = Math.max(lastHigh, window.high());
            List<String> codes = page.assets().stream().map(AssetLine::code).toList();
            Map<String, SupplyHistory> histories = codes.isEmpty() ? Map.of()
                    : run.mirrorWait().until(window.high(), () -> run.mirror().supplies(codes, window.low(), window.high()));
            for (AssetLine line : page.assets()) {
                seen.add(line.code());
                chainSupplies.put(line.code(), compare(line, histories.get(line.code()), window));
            }
            if (page.bookmark().isEmpty()) {
                break;
            }
            bookmark = page.bookmark();
        }
        extraInMirror(seen, Math.max(firstLow, 0));
        chainHoldings(accountPass, chainSupplies, lastHigh);
        run.sink().flush();
        return new Result(seen.size(), lastHigh);
    }

    /** Compares one asset (rechecking it alone while it keeps moving); the chain's supply as finally read. */
    private long compare(AssetLine line, SupplyHistory history, Window window) throws SQLException, InterruptedException {
        long supply = line.supply().minorUnits();
        SupplyCheck.Verdict verdict = SupplyCheck.verdict(supply, history, window);
        for (int attempt = 1; !verdict.matchesAnywhere() && verdict.varies() && attempt <= run.config().recheckAttemptsMax(); attempt++) {
            long before = run.chain().height();
            Optional<Long> again = run.chain().supply(line.code());
            Window recheck = Window.bracket(before, run.chain().height(), run.config().windowBlocksMax());
            history = run.mirrorWait().until(recheck.high(), () -> run.mirror().supplies(List.of(line.code()), recheck.low(), recheck.high()))
                    .get(line.code());
            supply = again.orElseThrow(() -> new IllegalStateException("asset " + line.code() + " vanished from the chain"));
            window = recheck;
            verdict = SupplyCheck.verdict(supply, history, window);
        }
        if (!verdict.matchesAnywhere()) {
            run.sink().add(SupplyCheck.difference(line.code(), supply, history, window.high(),
                    verdict.varies() ? " (the supply moved during every recheck; compared at the last)" : ""));
        }
        return supply;
    }

    /** Assets the mirror registered before the pass began that the chain did not list. */
    private void extraInMirror(Set<String> seen, long height) throws SQLException {
        for (Map.Entry<String, Long> asset : run.mirror().assetsBefore(height).entrySet()) {
            if (!seen.contains(asset.getKey()) && run.chain().supply(asset.getKey()).isEmpty()) {
                run.sink().add(new Break.ExtraInMirror(new Subject.Asset(asset.getKey()), Window.lastBlock(height), null,
                        "registered in block " + asset.getValue(), "asset " + asset.getKey()
                                + " is in the mirror but not on chain"));
            }
        }
    }

    /**
     * For each asset whose money did not move from the first account page to the last asset page (the mirror shows
     * no entry of it there), the chain's balances and holds, read page by page, are one state: their sum must be the
     * chain's supply. The mirror's side of the same rule is checked per asset above.
     */
    private void chainHoldings(AccountPass.Result accountPass, Map<String, Long> chainSupplies, long lastHigh)
            throws SQLException {
        Set<String> moved = run.mirror().assetsMovedBetween(accountPass.firstLow(), lastHigh);
        for (Map.Entry<String, Long> asset : chainSupplies.entrySet()) {
            if (moved.contains(asset.getKey())) {
                continue;
            }
            BigInteger held = accountPass.chainHoldings().getOrDefault(asset.getKey(), BigInteger.ZERO);
            if (!held.equals(BigInteger.valueOf(asset.getValue()))) {
                long block = Window.lastBlock(lastHigh);
                run.sink().add(new Break.SupplyMismatch(new Subject.Asset(asset.getKey()), block, "supply=" + asset.getValue()
                        + " balances and holds=" + held, null, "on chain, the accounts of " + asset.getKey() + " hold "
                        + held + " in all, but its supply is " + asset.getValue() + " (as of block " + block + ")"));
            }
        }
    }
}
