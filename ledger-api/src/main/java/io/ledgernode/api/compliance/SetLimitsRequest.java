package io.ledgernode.api.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import io.ledgernode.api.account.Limits;
import java.util.Optional;

/**
 * {@code Compliance:setLimits}: replaces the account's limits; an omitted limit means none, so omitting both removes
 * every limit.
 */
public final class SetLimitsRequest implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;
    private final String account;
    private final Amount perTransferMax;
    private final Amount dailyDebitMax;

    private SetLimitsRequest(final String idempotencyKey, final String account, final Limits limits) {
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
        this.account = Require.accountId("account", account);
        this.perTransferMax = limits.perTransferMax();
        this.dailyDebitMax = limits.dailyDebitMax();
    }

    @JsonCreator
    public static SetLimitsRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account,
            @JsonProperty("perTransferMax") final Amount perTransferMax,
            @JsonProperty("dailyDebitMax") final Amount dailyDebitMax) {
        return new SetLimitsRequest(idempotencyKey, account, Limits.of(perTransferMax, dailyDebitMax));
    }

    /** Without a key. */
    public static SetLimitsRequest of(final String account, final Amount perTransferMax, final Amount dailyDebitMax) {
        return of(null, account, perTransferMax, dailyDebitMax);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public String account() {
        return account;
    }

    public Limits limits() {
        return Limits.of(perTransferMax, dailyDebitMax);
    }
}
