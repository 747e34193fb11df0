package io.ledgernode.reconciler.testing;

import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.reconciler.chain.ChainBlock;
import io.ledgernode.reconciler.chain.ChainReader;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A chain reader that passes every read to another, for tests that change one answer (a subclass overrides it) or
 * hand a run a reader it must not close: the test's reader outlives the run, so closing this one does nothing.
 */
public class ForwardingChainReader implements ChainReader {

    protected final ChainReader chain;

    public ForwardingChainReader(ChainReader chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    @Override
    public long height() {
        return chain.height();
    }

    @Override
    public AccountLinesPage accounts(int pageSize, String bookmark) {
        return chain.accounts(pageSize, bookmark);
    }

    @Override
    public Optional<AccountLine> account(String id) {
        return chain.account(id);
    }

    @Override
    public Optional<Long> supply(String code) {
        return chain.supply(code);
    }

    @Override
    public AssetLinesPage assets(int pageSize, String bookmark) {
        return chain.assets(pageSize, bookmark);
    }

    @Override
    public void blocks(long from, long toExclusive, Consumer<ChainBlock> visitor) {
        chain.blocks(from, toExclusive, visitor);
    }

    @Override
    public void close() {
        // The test closes the reader it passed in.
    }
}
