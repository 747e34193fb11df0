package io.ledgernode.reconciler.chain;

import io.ledgernode.api.listing.HoldDigest;
import io.ledgernode.api.listing.KeyOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account's open holds in bounded form, as the reconciler compares them: how many, their sum in minor units, and
 * the digest ledger-api defines ({@link HoldDigest}, in {@link KeyOrder} of the ids). The chain's side is read from
 * ledger-api's {@code io.ledgernode.api.listing.HoldSummary}; the mirror side is computed from its rows with the same
 * digest, so equal summaries mean equal sets of (id, amount). Unlike the chain's, a mirror's sum may saturate.
 */
public record HoldSummary(int count, long sum, String digest) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** No open holds. */
    public static final HoldSummary NONE = of(List.of());

    public HoldSummary {
        if (count < 0 || sum < 0) {
            throw new IllegalArgumentException("hold count and sum must not be negative");
        }
        if (digest == null || !HEX_SHA256.matcher(digest).matches()) {
            throw new IllegalArgumentException("hold digest must be 64 lowercase hex digits, got " + digest);
        }
    }

    /** One open hold: its id and amount. */
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
    public static HoldSummary of(Collection<OpenHold> holds) {
        List<OpenHold> sorted = new ArrayList<>(holds);
        sorted.sort((a, b) -> KeyOrder.IDS.compare(a.id(), b.id()));
        HoldDigest digest = new HoldDigest();
        long sum = 0;
        for (OpenHold hold : sorted) {
            sum = hold.amount() > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + hold.amount();
            digest.add(hold.id(), hold.amount());
        }
        return new HoldSummary(sorted.size(), sum, digest.hex());
    }

    /** As written in a break: {@code count=2 sum=70 digest=ab12…}. */
    public String describe() {
        return "count=" + count + " sum=" + sum + " digest=" + digest;
    }
}
