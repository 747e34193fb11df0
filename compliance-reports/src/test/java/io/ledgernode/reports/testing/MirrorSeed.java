package io.ledgernode.reports.testing;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Seeds the mirror through the mirror fixture's seeder (its typed rows), as the bridge would have written it: blocks, transactions, entries,
 * accounts, holds, assets and the checkpoint. It keeps the current balances as the entries move them and writes
 * them at the end, so {@code mirror.accounts} holds the state after the last block, as in a live mirror.
 */
public final class MirrorSeed {

    /** One entry of a transaction. */
    public record E(String account, EntryKind kind, long amount, String holdId) {
    }

    /** One transaction: VALID ones carry entries, invalid ones none. */
    public record Tx(String label, String validationCode, Instant time, List<E> entries) {
    }

    private final MirrorSeeder seeder;
    private final Map<String, String> assetOf = new HashMap<>();
    private final Map<String, long[]> current = new HashMap<>();
    private final Map<String, Long> supply = new HashMap<>();
    private long lastBlock = -1;

    public MirrorSeed(DataSource admin) {
        this.seeder = new MirrorSeeder(admin);
    }

    public static E e(String account, EntryKind kind, long amount) {
        return new E(account, kind, amount, null);
    }

    public static E e(String account, EntryKind kind, long amount, String holdId) {
        return new E(account, kind, amount, holdId);
    }

    public static Tx valid(String label, Instant time, E... entries) {
        return new Tx(label, "VALID", time, List.of(entries));
    }

    public static Tx invalid(String label, String code, Instant time) {
        return new Tx(label, code, time, List.of());
    }

    /** A Fabric-looking transaction id (64 hex digits) for a readable label. */
    public static String txId(String label) {
        return HexFormat.of().formatHex(sha256(label));
    }

    /** The header hash the seed gives block {@code number}. */
    public static String blockHashHex(long number) {
        return HexFormat.of().formatHex(sha256("block-" + number));
    }

    public MirrorSeed asset(String code, int decimals, long block) throws SQLException {
        seeder.asset(new Asset(code, decimals, 0, block, txId("asset-" + code)));
        supply.put(code, 0L);
        return this;
    }

    public MirrorSeed account(String id, String asset, String ownerRef, String jurisdiction, long openedBlock)
            throws SQLException {
        seeder.account(new Account(id, asset, "Org1MSP", ownerRef, jurisdiction, AccountStatus.ACTIVE, OptionalLong.empty(),
                OptionalLong.empty(), 0, 0, openedBlock, openedBlock));
        assetOf.put(id, asset);
        current.put(id, new long[2]);
        return this;
    }

    /** A block and its transactions; the bridge's observed/mirrored times are deliberately unrelated wall clock. */
    public MirrorSeed block(long number, Instant time, Tx... txs) throws SQLException {
        Instant bridgeClock = Instant.now();
        seeder.block(new Block(number, sha256("block-" + number), number == 0 ? new byte[32] : sha256("block-" + (number - 1)),
                sha256("data-" + number), txs.length, bridgeClock, bridgeClock));
        for (int i = 0; i < txs.length; i++) {
            transaction(number, i, txs[i]);
        }
        lastBlock = number;
        return this;
    }

    public MirrorSeed hold(String id, String account, long amount, String status, String placedTx, long placedBlock,
            String closedTx, Long closedBlock) throws SQLException {
        seeder.hold(new Hold(id, account, assetOf.get(account), amount, null, Instant.parse("2026-12-31T00:00:00Z"),
                HoldStatus.valueOf(status), txId(placedTx), placedBlock, closedTx == null ? null : txId(closedTx),
                closedBlock == null ? OptionalLong.empty() : OptionalLong.of(closedBlock)));
        return this;
    }

    /** Writes the current balances, held amounts and supplies, and the checkpoint after the last block. */
    public void finish() throws SQLException {
        for (Map.Entry<String, long[]> account : current.entrySet()) {
            seeder.moveAccount(account.getKey(), account.getValue()[0], account.getValue()[1], lastBlock);
        }
        for (Map.Entry<String, Long> asset : supply.entrySet()) {
            seeder.moveSupply(asset.getKey(), asset.getValue());
        }
        seeder.checkpoint(lastBlock + 1);
    }

    /** Runs any statement as the superuser (to change the mirror under a published report, in tests). */
    public void sql(String statement) throws SQLException {
        seeder.execute(statement);
    }

    private void transaction(long block, int index, Tx tx) throws SQLException {
        seeder.transaction(new Transaction(block, index, txId(tx.label()), "ENDORSER_TRANSACTION", tx.validationCode(),
                "Org1MSP", "ledger", "Money:transfer", tx.time(), null));
        for (int i = 0; i < tx.entries().size(); i++) {
            E entry = tx.entries().get(i);
            String asset = assetOf.get(entry.account());
            seeder.entry(new Entry(block, index, i, txId(tx.label()), entry.account(), asset, entry.kind(), entry.amount(),
                    entry.holdId(), tx.time()));
            long[] state = current.get(entry.account());
            state[0] += entry.kind().balanceSign() * entry.amount();
            state[1] += entry.kind().heldSign() * entry.amount();
            supply.merge(asset, entry.kind().supplySign() * entry.amount(), Long::sum);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
