package io.ledgernode.api.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import java.util.Optional;

/** {@code Compliance:freeze}: the account can neither send nor receive until unfrozen; the reason is required. */
public final class FreezeRequest implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;
    private final String account;
    private final String reason;

    private FreezeRequest(final String idempotencyKey, final String account, final String reason) {
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
        this.account = Require.accountId("account", account);
        this.reason = Require.text("reason", reason);
    }

    @JsonCreator
    public static FreezeRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account, @JsonProperty("reason") final String reason) {
        return new FreezeRequest(idempotencyKey, account, reason);
    }

    /** Without a key. */
    public static FreezeRequest of(final String account, final String reason) {
        return new FreezeRequest(null, account, reason);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public String account() {
        return account;
    }

    public String reason() {
        return reason;
    }
}
