package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.Subject;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.mirror.MirrorHistories;
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

    private final ChainReader chain;
    private final MirrorHistories mirror;
    private final ReconcilerConfig.Compare config;
    private final MirrorWait wait;
    private final BreakSink sink;

    AssetPass(ChainReader chain, MirrorHistories mirror, ReconcilerConfig.Compare config, MirrorWait wait, BreakSink sink) {
        this.chain = chain;
        this.mirror = mirror;
        this.config = config;
        this.wait = wait;
        this.sink = sink;
    }

    Result run(AccountPass.Result accountPass) throws SQLException, InterruptedException {
        Set<String> seen = new HashSet<>();
        long firstLow = -1;
        long lastHigh = accountPass.lastHigh();
        String bookmark = "";
        Map<String, Long> chainSupplies = new HashMap<>();
        while (true) {
            long before = chain.height();
            AssetLinesPage page = chain.assets(config.pageSize(), bookmark);
            Window window = Window.bracket(before, chain.height(), config.windowBlocksMax());
            firstLow = firstLow < 0 ? window.low() : firstLow;
            lastHigh = Math.max(lastHigh, window.high());
            List<String> codes = page.assets().stream().map(AssetLine::code).toList();
            Map<String, SupplyHistory> histories = codes.isEmpty() ? Map.of()
                    : wait.until(window.high(), () -> mirror.supplies(codes, window.low(), window.high()));
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
        sink.flush();
        return new Result(seen.size(), lastHigh);
    }

    /** Compares one asset (rechecking it alone while it keeps moving); the chain's supply as finally read. */
    private long compare(AssetLine line, SupplyHistory history, Window window) throws SQLException, InterruptedException {
        long supply = line.supply().minorUnits();
        SupplyCheck.Verdict verdict = SupplyCheck.verdict(supply, history, window);
        for (int attempt = 1; !verdict.matchesAnywhere() && verdict.varies() && attempt <= config.recheckAttemptsMax(); attempt++) {
            long before = chain.height();
            Optional<Long> again = chain.supply(line.code());
            Window recheck = Window.bracket(before, chain.height(), config.windowBlocksMax());
            history = wait.until(recheck.high(), () -> mirror.supplies(List.of(line.code()), recheck.low(), recheck.high()))
                    .get(line.code());
            supply = again.orElseThrow(() -> new IllegalStateException("asset " + line.code() + " vanished from the chain"));
            window = recheck;
            verdict = SupplyCheck.verdict(supply, history, window);
        }
        if (!verdict.matchesAnywhere()) {
            sink.add(SupplyCheck.difference(line.code(), supply, history, window.high(),
                    verdict.varies() ? " (the supply moved during every recheck; compared at the last)" : ""));
        }
        return supply;
    }

    /** Assets the mirror registered before the pass began that the chain did not list. */
    private void extraInMirror(Set<String> seen, long height) throws SQLException {
        for (Map.Entry<String, Long> asset : mirror.assetsBefore(height).entrySet()) {
            if (!seen.contains(asset.getKey()) && chain.supply(asset.getKey()).isEmpty()) {
                sink.add(new Break.ExtraInMirror(new Subject.Asset(asset.getKey()), Window.lastBlock(height), null,
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
        Set<String> moved = mirror.assetsMovedBetween(accountPass.firstLow(), lastHigh);
        for (Map.Entry<String, Long> asset : chainSupplies.entrySet()) {
            if (moved.contains(asset.getKey())) {
                continue;
            }
            BigInteger held = accountPass.chainHoldings().getOrDefault(asset.getKey(), BigInteger.ZERO);
            if (!held.equals(BigInteger.valueOf(asset.getValue()))) {
                long block = Window.lastBlock(lastHigh);
                sink.add(new Break.SupplyMismatch(new Subject.Asset(asset.getKey()), block, "supply=" + asset.getValue()
                        + " balances and holds=" + held, null, "on chain, the accounts of " + asset.getKey() + " hold "
                        + held + " in all, but its supply is " + asset.getValue() + " (as of block " + block + ")"));
            }
        }
    }
}
