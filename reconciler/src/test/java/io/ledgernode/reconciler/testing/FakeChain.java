package io.ledgernode.reconciler.testing;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.api.listing.KeyOrder;
import io.ledgernode.reconciler.chain.BlockHashing;
import io.ledgernode.reconciler.chain.ChainBlock;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.mirror.OpenHolds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The chain side in unit tests: accounts, holds and assets in memory, and a hash-chained list of blocks. Pages come in
 * the chain's id order, bookmarked by the next id, as the chaincode pages them. A hook may run before each page query
 * (to move money while a run pages through).
 */
public final class FakeChain implements ChainReader {

    private final TreeMap<String, Account> accounts = new TreeMap<>(KeyOrder.IDS);
    private final TreeMap<String, long[]> assets = new TreeMap<>(KeyOrder.IDS);
    private final Map<String, String> holdOwners = new TreeMap<>();
    private final List<ChainBlock> blocks = new ArrayList<>();
    private volatile Runnable beforePage = () -> { };
    private final AtomicInteger pageQueries = new AtomicInteger();

    private static final class Account {
        final String asset;
        final String jurisdiction;
        long balance;
        long held;
        final TreeMap<String, Long> openHolds = new TreeMap<>(KeyOrder.IDS);

        Account(String asset, String jurisdiction) {
            this.asset = asset;
            this.jurisdiction = jurisdiction;
        }
    }

    /** Runs {@code hook} before every account page query (outside the chain's lock). */
    public void beforeEachPage(Runnable hook) {
        beforePage = hook;
    }

    public int pageQueries() {
        return pageQueries.get();
    }

    synchronized void apply(List<List<Op>> transactions, List<String> txIds) {
        for (List<Op> tx : transactions) {
            for (Op op : tx) {
                apply(op);
            }
        }
        long number = blocks.size();
        byte[] previous = number == 0 ? new byte[0] : blocks.get(blocks.size() - 1).headerHash();
        byte[] dataHash = sha256("block-" + number + "-" + txIds);
        List<ChainBlock.ChainTransaction> txs = new ArrayList<>();
        for (int i = 0; i < txIds.size(); i++) {
            txs.add(new ChainBlock.ChainTransaction(i, txIds.get(i), "VALID"));
        }
        blocks.add(new ChainBlock(number, BlockHashing.headerHash(number, previous, dataHash), previous, dataHash, txs));
    }

    /** The block numbered {@code number}. */
    public synchronized ChainBlock blockAt(long number) {
        return blocks.get((int) number);
    }

    private void apply(Op op) {
        switch (op) {
            case Op.RegisterAsset a -> assets.put(a.code(), new long[] {a.decimals(), 0});
            case Op.Open o -> accounts.put(o.id(), new Account(o.asset(), o.jurisdiction()));
            case Op.Entry e -> entry(e);
            case Op.PlaceHold h -> {
                accounts.get(h.account()).openHolds.put(h.holdId(), h.amount());
                holdOwners.put(h.holdId(), h.account());
            }
            case Op.CloseHold c -> accounts.get(holdOwners.get(c.holdId())).openHolds.remove(c.holdId());
        }
    }

    private void entry(Op.Entry e) {
        Account account = accounts.get(e.account());
        long[] asset = assets.get(e.asset());
        switch (e.kind()) {
            case "MINT" -> {
                account.balance += e.amount();
                asset[1] += e.amount();
            }
            case "BURN" -> {
                account.balance -= e.amount();
                asset[1] -= e.amount();
            }
            case "CREDIT", "HOLD_RELEASE" -> account.balance += e.amount();
            case "DEBIT" -> account.balance -= e.amount();
            case "HOLD" -> {
                account.balance -= e.amount();
                account.held += e.amount();
            }
            case "HOLD_CAPTURE" -> account.held -= e.amount();
            default -> throw new IllegalArgumentException(e.kind());
        }
        if (e.kind().equals("HOLD_RELEASE")) {
            account.held -= e.amount();
        }
    }

    @Override
    public synchronized long height() {
        return blocks.size();
    }

    @Override
    public AccountLinesPage accounts(int pageSize, String bookmark) {
        beforePage.run();
        pageQueries.incrementAndGet();
        synchronized (this) {
            List<AccountLine> lines = new ArrayList<>();
            String next = "";
            for (String id : bookmark.isEmpty() ? accounts.keySet() : accounts.tailMap(bookmark, true).keySet()) {
                if (lines.size() == pageSize) {
                    next = id;
                    break;
                }
                lines.add(line(id));
            }
            return AccountLinesPage.of(lines, next);
        }
    }

    @Override
    public synchronized Optional<AccountLine> account(String id) {
        return accounts.containsKey(id) ? Optional.of(line(id)) : Optional.empty();
    }

    @Override
    public synchronized Optional<Long> supply(String code) {
        return assets.containsKey(code) ? Optional.of(assets.get(code)[1]) : Optional.empty();
    }

    @Override
    public synchronized AssetLinesPage assets(int pageSize, String bookmark) {
        List<AssetLine> lines = new ArrayList<>();
        String next = "";
        for (Map.Entry<String, long[]> asset : (bookmark.isEmpty() ? assets : assets.tailMap(bookmark, true)).entrySet()) {
            if (lines.size() == pageSize) {
                next = asset.getKey();
                break;
            }
            lines.add(AssetLine.of(asset.getKey(), (int) asset.getValue()[0], Amount.of(asset.getValue()[1])));
        }
        return AssetLinesPage.of(lines, next);
    }

    @Override
    public void blocks(long from, long toExclusive, Consumer<ChainBlock> visitor) {
        for (long number = from; number < toExclusive; number++) {
            visitor.accept(blockAt(number));
        }
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    private AccountLine line(String id) {
        Account account = accounts.get(id);
        List<OpenHolds.OpenHold> holds = new ArrayList<>();
        account.openHolds.forEach((hold, amount) -> holds.add(new OpenHolds.OpenHold(hold, amount)));
        return AccountLine.of(id, account.asset, account.jurisdiction, AccountStatus.ACTIVE, Amount.of(account.balance),
                Amount.of(account.held), OpenHolds.summary(holds));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
