package io.ledgernode.reconciler.testing;

import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.Hold;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.mirror.testing.MirrorSeeder;
import io.ledgernode.reconciler.chain.ChainBlock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes blocks to the mirror the way the sync-bridge does (rows of the block, its transactions, the events' effects,
 * and the checkpoint, in one transaction), through the mirror fixture's seeder, for the unit tests' mirror to be a
 * true copy of the fake chain.
 */
final class MirrorWriter {

    private final TestDatabase.Node node;

    MirrorWriter(TestDatabase.Node node) {
        this.node = node;
    }

    void apply(ChainBlock block, List<List<Op>> transactions) throws SQLException {
        try (Connection connection = node.superuser()) {
            connection.setAutoCommit(false);
            MirrorSeeder seeder = MirrorSeeder.on(connection);
            Instant now = Instant.now();
            seeder.block(new Block(block.number(), block.headerHash(), block.previousHash(), block.dataHash(),
                    block.transactions().size(), now, now));
            for (ChainBlock.ChainTransaction tx : block.transactions()) {
                seeder.transaction(new Transaction(block.number(), tx.index(), tx.txId(), "ENDORSER_TRANSACTION",
                        tx.validationCode(), "Org1MSP", "ledger", "test", now, null));
                int entryIndex = 0;
                for (Op op : transactions.get(tx.index())) {
                    if (!op.chainOnly()) {
                        entryIndex = apply(seeder, block.number(), tx, op, entryIndex, now);
                    }
                }
            }
            seeder.advanceCheckpoint(block.number());
            connection.commit();
        }
    }

    private static int apply(MirrorSeeder seeder, long number, ChainBlock.ChainTransaction tx, Op op, int entryIndex,
            Instant now) throws SQLException {
        switch (op) {
            case Op.RegisterAsset a -> seeder.asset(new Asset(a.code(), a.decimals(), 0, number, tx.txId()));
            case Op.Open o -> seeder.account(new Account(o.id(), o.asset(), "Org1MSP", "ref", o.jurisdiction(),
                    AccountStatus.ACTIVE, OptionalLong.empty(), OptionalLong.empty(), 0, 0, number, number));
            case Op.PlaceHold h -> seeder.hold(new Hold(h.holdId(), h.account(), h.asset(), h.amount(), null,
                    now.plus(Duration.ofHours(1)), HoldStatus.OPEN, tx.txId(), number, null, OptionalLong.empty()));
            case Op.CloseHold c -> seeder.closeHold(c.holdId(), HoldStatus.valueOf(c.status()), tx.txId(), number);
            case Op.Entry e -> {
                seeder.entry(new Entry(number, tx.index(), entryIndex, tx.txId(), e.account(), e.asset(),
                        EntryKind.valueOf(e.kind()), e.amount(), e.holdId(), now));
                long[] effect = effect(e.kind(), e.amount());
                seeder.moveAccount(e.account(), effect[0], effect[1], number).moveSupply(e.asset(), effect[2]);
                return entryIndex + 1;
            }
        }
        return entryIndex;
    }

    /** Balance, held and supply deltas of an entry kind: the test's own statement of the chaincode's bookkeeping. */
    private static long[] effect(String kind, long amount) {
        return switch (kind) {
            case "MINT" -> new long[] {amount, 0, amount};
            case "BURN" -> new long[] {-amount, 0, -amount};
            case "CREDIT" -> new long[] {amount, 0, 0};
            case "DEBIT" -> new long[] {-amount, 0, 0};
            case "HOLD" -> new long[] {-amount, amount, 0};
            case "HOLD_RELEASE" -> new long[] {amount, -amount, 0};
            case "HOLD_CAPTURE" -> new long[] {0, -amount, 0};
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
