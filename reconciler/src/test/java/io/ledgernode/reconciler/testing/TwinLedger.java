package io.ledgernode.reconciler.testing;

import io.ledgernode.reconciler.chain.ChainBlock;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fake chain and a real mirror (in the test database) kept in step block by block, as the sync-bridge keeps them;
 * the mirror may be made to lag, and single operations may be applied to the chain only.
 */
public final class TwinLedger {

    private final FakeChain chain = new FakeChain();
    private final MirrorWriter mirror;
    private final Map<String, String> assetOf = new HashMap<>();
    private final Map<String, Object[]> holds = new HashMap<>();
    private final Deque<Object[]> backlog = new ArrayDeque<>();
    private boolean lagging;
    private int txCounter;

    public TwinLedger(TestDatabase.Node node) {
        this.mirror = new MirrorWriter(node);
    }

    public FakeChain chain() {
        return chain;
    }

    /** Applies one block of transactions (one per builder call) to the chain, and to the mirror unless it lags. */
    public synchronized long block(Consumer<Block> build) {
        Block block = new Block();
        build.accept(block);
        List<String> txIds = new ArrayList<>();
        for (int i = 0; i < block.transactions.size(); i++) {
            txIds.add(String.format("tx%06d", ++txCounter));
        }
        chain.apply(block.transactions, txIds);
        long number = chain.height() - 1;
        backlog.add(new Object[] {chain.blockAt(number), block.transactions});
        if (!lagging) {
            catchUp();
        }
        return number;
    }

    /** From now on, blocks reach the chain only, until {@link #catchUp()}. */
    public synchronized void lagMirror() {
        lagging = true;
    }

    /** Applies every block the mirror lacks, and stops lagging. */
    @SuppressWarnings("unchecked")
    public synchronized void catchUp() {
        lagging = false;
        while (!backlog.isEmpty()) {
            Object[] pending = backlog.poll();
            try {
                mirror.apply((ChainBlock) pending[0], (List<List<Op>>) pending[1]);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Catches the mirror up after {@code delay}, on another thread (as a bridge that is a little behind). */
    public Thread catchUpAfter(Duration delay) {
        Thread thread = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(delay.toMillis());
                catchUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return thread;
    }

    /** The transactions of one block. Each method is one transaction. */
    public final class Block {
        private final List<List<Op>> transactions = new ArrayList<>();
        private boolean chainOnly;

        /** The following transactions change the chain only: the mirror records the transaction but not its effects. */
        public Block chainOnly() {
            chainOnly = true;
            return this;
        }

        public Block register(String code) {
            return tx(new Op.RegisterAsset(code, 2, chainOnly));
        }

        public Block open(String id, String asset, String jurisdiction) {
            assetOf.put(id, asset);
            return tx(new Op.Open(id, asset, jurisdiction, chainOnly));
        }

        public Block mint(String account, long amount) {
            return tx(entry(account, "MINT", amount, null));
        }

        public Block transfer(String from, String to, long amount) {
            return tx(entry(from, "DEBIT", amount, null), entry(to, "CREDIT", amount, null));
        }

        public Block placeHold(String holdId, String account, long amount) {
            holds.put(holdId, new Object[] {account, amount});
            return tx(entry(account, "HOLD", amount, holdId), new Op.PlaceHold(holdId, account, assetOf.get(account), amount, chainOnly));
        }

        /** Captures {@code amount} of a hold to {@code to}; the rest returns to the account. */
        public Block capture(String holdId, String to, long amount) {
            String account = (String) holds.get(holdId)[0];
            long held = (Long) holds.get(holdId)[1];
            List<Op> ops = new ArrayList<>(List.of(entry(account, "HOLD_CAPTURE", amount, holdId), entry(to, "CREDIT", amount, null)));
            if (held > amount) {
                ops.add(entry(account, "HOLD_RELEASE", held - amount, holdId));
            }
            ops.add(new Op.CloseHold(holdId, "CAPTURED", chainOnly));
            return tx(ops.toArray(new Op[0]));
        }

        public Block voidHold(String holdId) {
            String account = (String) holds.get(holdId)[0];
            long held = (Long) holds.get(holdId)[1];
            return tx(entry(account, "HOLD_RELEASE", held, holdId), new Op.CloseHold(holdId, "VOIDED", chainOnly));
        }

        private Op entry(String account, String kind, long amount, String holdId) {
            return new Op.Entry(account, assetOf.get(account), kind, amount, holdId, chainOnly);
        }

        private Block tx(Op... ops) {
            transactions.add(List.of(ops));
            return this;
        }
    }
}
