package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;

/**
 * An account record: its asset, pseudonymous owner reference, jurisdiction, custodian org (the MSP id of the client
 * that opened it, the only org that may debit it), status and limits. Balances are not part of the record; see
 * {@link AccountView}.
 */
public final class Account {
    private final String id;
    private final String asset;
    private final String ownerRef;
    private final String jurisdiction;
    private final String custodianMsp;
    private final AccountStatus status;
    private final Limits limits;
    private final String openedAt;

    private Account(final String id, final String asset, final String ownerRef, final String jurisdiction,
            final String custodianMsp, final AccountStatus status, final Limits limits, final String openedAt) {
        this.id = Require.accountId("id", id);
        this.asset = Require.assetCode("asset", asset);
        this.ownerRef = Require.ownerRef("ownerRef", ownerRef);
        this.jurisdiction = Require.jurisdiction("jurisdiction", jurisdiction);
        this.custodianMsp = Require.mspId("custodianMsp", custodianMsp);
        this.status = Require.present("status", status);
        this.limits = limits == null || limits.none() ? null : limits;
        this.openedAt = Instants.normalize("openedAt", openedAt);
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

    public String id() {
        return id;
    }

    public String asset() {
        return asset;
    }

    public String ownerRef() {
        return ownerRef;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String custodianMsp() {
        return custodianMsp;
    }

    public AccountStatus status() {
        return status;
    }

    /** The limits, or null when none are set. */
    public Limits limits() {
        return limits;
    }

    public String openedAt() {
        return openedAt;
    }

    public boolean frozen() {
        return status == AccountStatus.FROZEN;
    }

    /** This record with another status. */
    public Account withStatus(final AccountStatus newStatus) {
        return of(id, asset, ownerRef, jurisdiction, custodianMsp, newStatus, limits, openedAt);
    }

    /** This record with other limits (null or empty: none). */
    public Account withLimits(final Limits newLimits) {
        return of(id, asset, ownerRef, jurisdiction, custodianMsp, status, newLimits, openedAt);
    }
}
