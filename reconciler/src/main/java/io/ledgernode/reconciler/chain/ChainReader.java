package io.ledgernode.reconciler.chain;

import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLinesPage;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a reconciliation reads from the chain. Every call goes to the same peer, so a height read before and after a
 * query brackets the state that query saw. Implementations are safe to call from two threads (the page reader runs
 * ahead of the comparison, which rechecks single accounts).
 */
public interface ChainReader extends AutoCloseable {

    /** The peer's block height (blocks in its store); its state may lag the height by one block. */
    long height();

    /** One page of {@code Accounts:list}: accounts in id order (byte order). */
    AccountLinesPage accounts(int pageSize, String bookmark);

    /** {@code Accounts:summary}: one account's line, empty if the chain has no such account. */
    Optional<AccountLine> account(String id);

    /** {@code Assets:supply}: one asset's supply, empty if the chain has no such asset. */
    Optional<Long> supply(String code);

    /** One page of {@code Assets:list}: assets in code order with their supply. */
    AssetLinesPage assets(int pageSize, String bookmark);

    /** Hands the blocks numbered {@code from} to {@code toExclusive - 1} to {@code visitor}, in order, one at a time. */
    void blocks(long from, long toExclusive, Consumer<ChainBlock> visitor);

    @Override
    void close();
}
