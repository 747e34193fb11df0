package io.ledgernode.reconciler.compare;

import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.mirror.MirrorHistories;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One reconciliation: every account, then every asset, then every block, chain against mirror. The block pass comes
 * last and reaches at least the highest height any page saw, so the block it ends at is one the whole run is
 * consistent at: every block up to it verified, every account and asset compared at a height no later than the block
 * after it. Breaks go to the sink as they are found.
 */
public final class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    private final ChainReader chain;
    private final MirrorHistories mirror;
    private final DataSource mirrorPool;
    private final ReconcilerConfig.Compare config;

    public Reconciliation(ChainReader chain, DataSource mirrorPool, ReconcilerConfig.Compare config) {
        this.chain = chain;
        this.mirror = new MirrorHistories(mirrorPool);
        this.mirrorPool = mirrorPool;
        this.config = config;
    }

    /**
     * What a completed run compared, the block it is consistent at, and what it found; which blocks its block pass
     * verified (from {@code firstBlock}, how and why) and how long that pass took (the part that follows the blocks
     * added since the last clean run).
     */
    public record Summary(long consistentBlock, byte[] consistentBlockHash, long accountsCompared, long assetsCompared,
                          long blocksCompared, long breaksFound, Map<BreakType, Long> breaksByType, long firstBlock,
                          BlockCoverage blockCoverage, String coverageReason, Duration blockPassTime) {
        public Summary {
            consistentBlockHash = consistentBlockHash.clone();
            breaksByType = Map.copyOf(breaksByType);
        }

        @Override
        public byte[] consistentBlockHash() {
            return consistentBlockHash.clone();
        }
    }

    /** One run whose block pass starts at {@code start}; breaks go to {@code sink}. */
    public Summary run(BreakSink sink, BlockStart start) throws SQLException, InterruptedException {
        MirrorWait wait = new MirrorWait(config.mirrorWaitMax(), config.mirrorPollInterval());
        long started = System.nanoTime();
        PassContext run = new PassContext(chain, mirror, config, wait, sink);
        AccountPass.Result accounts = new AccountPass(run, mirrorPool).run();
        LOG.info(() -> "compared " + accounts.accounts() + " accounts in " + seconds(started) + " s; breaks so far " + sink.total());
        AssetPass.Result assets = new AssetPass(run).run(accounts);
        long blockPassStarted = System.nanoTime();
        BlockPass.Result blocks = new BlockPass(run).run(assets.lastHigh(), start);
        Duration blockPassTime = Duration.ofNanos(System.nanoTime() - blockPassStarted);
        LOG.info(() -> "compared " + assets.assets() + " assets and " + blocks.blocks() + " blocks (" + blocks.coverage()
                + " from block " + blocks.firstBlock() + "); run took " + seconds(started)
                + " s; breaks " + sink.total());
        return new Summary(blocks.lastBlock(), blocks.lastHash(), accounts.accounts(), assets.assets(), blocks.blocks(),
                sink.total(), sink.counts(), blocks.firstBlock(), blocks.coverage(), blocks.coverageReason(),
                blockPassTime);
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
