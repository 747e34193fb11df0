package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Accounts:openMany}: all or nothing, at most {@code bulkOpenMax} accounts, no duplicate ids. The batch has one
 * idempotency key; an account in it naming a key of its own is refused.
 */
public final class OpenAccountsRequest implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;
    private final List<OpenAccountRequest> accounts;

    private OpenAccountsRequest(final String idempotencyKey, final List<OpenAccountRequest> accounts) {
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
        this.accounts = Require.nonEmptyList("accounts", accounts);
        final Set<String> ids = new HashSet<>();
        for (int i = 0; i < this.accounts.size(); i++) {
            final OpenAccountRequest account = this.accounts.get(i);
            if (account.idempotencyKey().isPresent()) {
                throw Require.invalid("account " + (i + 1) + " of " + this.accounts.size()
                        + " names an idempotency key: the batch has one key, the request's");
            }
            if (!ids.add(account.id())) {
                throw Require.invalid("accounts has the id " + account.id() + " more than once");
            }
        }
    }

    @JsonCreator
    public static OpenAccountsRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("accounts") final List<OpenAccountRequest> accounts) {
        return new OpenAccountsRequest(idempotencyKey, accounts);
    }

    /** Without a key. */
    public static OpenAccountsRequest of(final List<OpenAccountRequest> accounts) {
        return new OpenAccountsRequest(null, accounts);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** The accounts to open, in order (immutable). */
    public List<OpenAccountRequest> accounts() {
        return accounts;
    }
}
