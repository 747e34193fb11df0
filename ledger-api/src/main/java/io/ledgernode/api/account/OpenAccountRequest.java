package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import java.util.Optional;

/**
 * {@code Accounts:open}: the caller's org becomes the account's custodian. As an item of {@link OpenAccountsRequest}
 * it names no key: the batch's key is the request's.
 */
public final class OpenAccountRequest extends AccountOpening implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;

    private OpenAccountRequest(final String idempotencyKey, final String id, final String asset, final String ownerRef,
            final String jurisdiction) {
        super(id, asset, ownerRef, jurisdiction);
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
    }

    @JsonCreator
    public static OpenAccountRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("id") final String id, @JsonProperty("asset") final String asset,
            @JsonProperty("ownerRef") final String ownerRef,
            @JsonProperty("jurisdiction") final String jurisdiction) {
        return new OpenAccountRequest(idempotencyKey, id, asset, ownerRef, jurisdiction);
    }

    /** Without a key (and so an item of a batch). */
    public static OpenAccountRequest of(final String id, final String asset, final String ownerRef,
            final String jurisdiction) {
        return new OpenAccountRequest(null, id, asset, ownerRef, jurisdiction);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }
}
