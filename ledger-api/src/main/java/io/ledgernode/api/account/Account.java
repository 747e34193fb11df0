package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An account record: its asset, pseudonymous owner reference, jurisdiction, custodian org (the MSP id of the client
 * that opened it, the only org that may debit it), status and limits. Balances are not part of the record; see
 * {@link AccountView}.
 */
public final class Account extends AccountFields {

    private Account(final String id, final String asset, final String ownerRef, final String jurisdiction,
            final String custodianMsp, final AccountStatus status, final Limits limits, final String openedAt) {
        super(id, asset, ownerRef, jurisdiction, custodianMsp, status, limits, openedAt);
    }

    /** An account record; {@code limits} is null when none are set. */
    @JsonCreator
    public static Account of(@JsonProperty("id") final String id, @JsonProperty("asset") final String asset,
            @JsonProperty("ownerRef") final String ownerRef,
            @JsonProperty("jurisdiction") final String jurisdiction,
            @JsonProperty("custodianMsp") final String custodianMsp,
            @JsonProperty("status") final AccountStatus status, @JsonProperty("limits") final Limits limits,
            @JsonProperty("openedAt") final String openedAt) {
        return new Account(id, asset, ownerRef, jurisdiction, custodianMsp, status, limits, openedAt);
    }

    public boolean frozen() {
        return status() == AccountStatus.FROZEN;
    }

    /** This record with another status. */
    public Account withStatus(final AccountStatus newStatus) {
        return of(id(), asset(), ownerRef(), jurisdiction(), custodianMsp(), newStatus, limits(), openedAt());
    }

    /** This record with other limits (null or empty: none). */
    public Account withLimits(final Limits newLimits) {
        return of(id(), asset(), ownerRef(), jurisdiction(), custodianMsp(), status(), newLimits, openedAt());
    }
}
