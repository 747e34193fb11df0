package io.ledgernode.node.consolidation;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.node.mirror.Mirror;
import io.ledgernode.mirror.MirrorReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The credits of the custodian's accounts per window of blocks, from the mirror's entries (one grouped query over a
 * primary-key range of blocks, one row per account). The entries that leave a pending credit on the chain are those
 * the chaincode books with a credit key of their own: {@link EntryKind#MINT} and {@link EntryKind#CREDIT} (a captured
 * hold's receiver gets a CREDIT; a hold release goes to the settled balance directly).
 */
public final class MirrorCreditCounts implements CreditCounts {

    private static final String COUNTS = "SELECT e.account_id, count(*) FROM " + ENTRIES + " e JOIN " + ACCOUNTS
            + " a ON a.id = e.account_id WHERE e.block_number >= ? AND e.block_number < ? AND e.kind IN ('"
            + EntryKind.MINT.name() + "', '" + EntryKind.CREDIT.name() + "') AND a.custodian_msp = ? GROUP BY e.account_id";

    private final Mirror mirror;
    private final String custodianMsp;

    public MirrorCreditCounts(Mirror mirror, String custodianMsp) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.custodianMsp = Objects.requireNonNull(custodianMsp, "custodianMsp");
    }

    @Override
    public Window read(long fromBlock, int blocksMax) {
        MirrorReader.Snapshot<Window> snapshot = mirror.read(view -> {
            long end = Math.max(fromBlock, Math.min(view.height(), fromBlock + blocksMax));
            Map<String, Long> credits = new HashMap<>();
            view.eachRow(COUNTS, rs -> credits.put(rs.getString(1), rs.getLong(2)), fromBlock, end, custodianMsp);
            return new Window(end, credits);
        });
        return snapshot.value();
    }
}
