package io.ledgernode.chaincode.balance;

import io.ledgernode.api.Amount;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/** The pending credits of a page of adjacent accounts, summed per account from one chunked range read. */
final class PendingCredits {
    /** Credits read per round trip to the peer. */
    private static final int CHUNK = 1000;

    private PendingCredits() {}

    /** The sum of pending credits per account; accounts without any are absent. */
    static Map<String, Amount> of(final LedgerState state, final List<String> accountIds) {
        final Set<String> ids = new HashSet<>(accountIds);
        final Map<String, Amount> sums = new HashMap<>();
        state.pageAdjacent(Keys.CREDIT, accountIds.get(0), accountIds.get(accountIds.size() - 1), CHUNK, records -> {
            for (final Map.Entry<String, byte[]> record : records) {
                final String account = CompositeKey.parseCompositeKey(record.getKey()).getAttributes().get(0);
                if (!ids.contains(account)) {
                    throw new IllegalStateException("pending credit of account " + account
                            + ", which is not on the page it lies within");
                }
                sums.merge(account, LedgerState.decode(record.getKey(), record.getValue(), Amount.class),
                        Amount::plus);
            }
        });
        return sums;
    }
}
