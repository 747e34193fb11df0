package io.ledgernode.reconciler.mirror;

import io.ledgernode.api.Amount;
import io.ledgernode.api.listing.HoldDigest;
import io.ledgernode.api.listing.HoldSummary;
import io.ledgernode.api.listing.KeyOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The mirror's side of ledger-api's {@link HoldSummary}: an account's open holds as the mirror's rows state them,
 * summarised with the chain's digest ({@link HoldDigest}, in {@link KeyOrder} of the ids), so equal summaries mean
 * equal sets of (id, amount). Unlike the chain's, a mirror's sum may saturate.
 */
public final class OpenHolds {

    /** No open holds. */
    public static final HoldSummary NONE = summary(List.of());

    private OpenHolds() {
    }

    /** One open hold: its id and amount in minor units. */
    public record OpenHold(String id, long amount) {
        public OpenHold {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * The summary of these open holds, in any order. The chain's sums never pass 64 bits (the chaincode checks every
     * sum); a damaged mirror's may, and then the sum saturates at {@link Long#MAX_VALUE}, while the digest still
     * names every amount, so such a summary never equals the chain's.
     */
    public static HoldSummary summary(Collection<OpenHold> holds) {
        List<OpenHold> sorted = new ArrayList<>(holds);
        sorted.sort((a, b) -> KeyOrder.IDS.compare(a.id(), b.id()));
        HoldDigest digest = new HoldDigest();
        long sum = 0;
        for (OpenHold hold : sorted) {
            sum = hold.amount() > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + hold.amount();
            digest.add(hold.id(), hold.amount());
        }
        return HoldSummary.of(sorted.size(), Amount.of(sum), digest.hex());
    }

    /** As written in a break: {@code count=2 sum=70 digest=ab12…}. */
    public static String describe(HoldSummary holds) {
        return "count=" + holds.count() + " sum=" + holds.sum().minorUnits() + " digest=" + holds.digest();
    }
}
