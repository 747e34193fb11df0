package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.Value;
import java.util.regex.Pattern;

/**
 * An account's open holds in a bounded form: how many, their sum, and {@code digest}, the {@link HoldDigest} of the
 * open holds: the lowercase hex SHA-256 of {@code id:amount\n} (amount in minor units) for each open hold in
 * {@link KeyOrder} of the hold ids. Two sides that agree on the digest agree on every open hold's id and amount,
 * however many there are.
 */
public final class HoldSummary extends Value {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final int count;
    private final Amount sum;
    private final String digest;

    private HoldSummary(final Integer count, final Amount sum, final String digest) {
        this.count = Require.within("count", count, 0, Integer.MAX_VALUE);
        this.sum = Require.present("sum", sum);
        if (digest == null || !HEX_SHA256.matcher(digest).matches()) {
            throw Require.invalid("digest must be 64 lowercase hex digits");
        }
        this.digest = digest;
    }

    @JsonCreator
    public static HoldSummary of(@JsonProperty("count") final Integer count, @JsonProperty("sum") final Amount sum,
            @JsonProperty("digest") final String digest) {
        return new HoldSummary(count, sum, digest);
    }

    public int count() {
        return count;
    }

    public Amount sum() {
        return sum;
    }

    public String digest() {
        return digest;
    }

    @Override
    protected Object[] components() {
        return new Object[] {count, sum, digest};
    }

    @Override
    public String toString() {
        return describe("count", "sum", "digest");
    }
}
