package io.ledgernode.api.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import java.util.Optional;

/** {@code Compliance:unfreeze}: the account is active again. */
public final class UnfreezeRequest implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;
    private final String account;

    private UnfreezeRequest(final String idempotencyKey, final String account) {
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
        this.account = Require.accountId("account", account);
    }

    @JsonCreator
    public static UnfreezeRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account) {
        return new UnfreezeRequest(idempotencyKey, account);
    }

    /** Without a key. */
    public static UnfreezeRequest of(final String account) {
        return new UnfreezeRequest(null, account);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public String account() {
        return account;
    }
}
