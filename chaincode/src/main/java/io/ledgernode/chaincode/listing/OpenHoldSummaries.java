package io.ledgernode.chaincode.listing;

import io.ledgernode.api.Amount;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.listing.HoldDigest;
import io.ledgernode.api.listing.HoldSummary;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The {@link HoldSummary} of each account of a page of adjacent accounts, from one chunked range read of the open-hold
 * index (which is in account, then hold-id order) and one read per open hold for its amount.
 */
final class OpenHoldSummaries {
    /** Index records read per round trip; the hold records of a chunk are read after its iterator is closed. */
    private static final int CHUNK = 500;

    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Amount> sums = new HashMap<>();
    private final Map<String, HoldDigest> digests = new HashMap<>();

    private OpenHoldSummaries() {}

    /** The summaries, in the order of {@code accountIds}. */
    static List<HoldSummary> of(final LedgerState state, final List<String> accountIds) {
        final OpenHoldSummaries summaries = new OpenHoldSummaries();
        if (!accountIds.isEmpty()) {
            summaries.read(state, accountIds);
        }
        final List<HoldSummary> result = new ArrayList<>(accountIds.size());
        for (final String id : accountIds) {
            result.add(summaries.summary(id));
        }
        return result;
    }

    private void read(final LedgerState state, final List<String> accountIds) {
        final Set<String> ids = new HashSet<>(accountIds);
        state.pageAdjacent(Keys.OPEN_HOLD, accountIds.get(0), accountIds.get(accountIds.size() - 1), CHUNK,
                records -> {
                    for (final Map.Entry<String, byte[]> record : records) {
                        final List<String> attributes =
                                CompositeKey.parseCompositeKey(record.getKey()).getAttributes();
                        if (!ids.contains(attributes.get(0))) {
                            throw new IllegalStateException("open hold of account " + attributes.get(0)
                                    + ", which is not on the page it lies within");
                        }
                        add(state, attributes.get(0), attributes.get(1));
                    }
                });
    }

    private void add(final LedgerState state, final String account, final String holdId) {
        final Hold hold = state.read(Keys.hold(holdId), Hold.class).orElseThrow(() ->
                new IllegalStateException("open hold index names missing hold " + holdId));
        if (hold.status() != HoldStatus.OPEN || !hold.account().equals(account)) {
            throw new IllegalStateException("open hold index names hold " + holdId + ", which is not open on "
                    + account);
        }
        counts.merge(account, 1, Integer::sum);
        sums.merge(account, hold.amount(), Amount::plus);
        // The index is in account, then hold-id order: the order the digest is defined in.
        digests.computeIfAbsent(account, a -> new HoldDigest()).add(holdId, hold.amount().minorUnits());
    }

    private HoldSummary summary(final String account) {
        final HoldDigest digest = digests.containsKey(account) ? digests.get(account) : new HoldDigest();
        return HoldSummary.of(counts.getOrDefault(account, 0), sums.getOrDefault(account, Amount.ZERO), digest.hex());
    }
}
