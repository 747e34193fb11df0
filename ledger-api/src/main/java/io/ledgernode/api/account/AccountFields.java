package io.ledgernode.api.account;

import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;

/**
 * The fields of an account record, shared by the record ({@link Account}) and its view with balances
 * ({@link AccountView}): what opening named, then the custodian org (the MSP id of the client that opened it, the
 * only org that may debit it), status, limits and opening time.
 */
public abstract class AccountFields extends AccountOpening {
    private final String custodianMsp;
    private final AccountStatus status;
    private final Limits limits;
    private final String openedAt;

    AccountFields(final String id, final String asset, final String ownerRef, final String jurisdiction,
            final String custodianMsp, final AccountStatus status, final Limits limits, final String openedAt) {
        super(id, asset, ownerRef, jurisdiction);
        this.custodianMsp = Require.mspId("custodianMsp", custodianMsp);
        this.status = Require.present("status", status);
        this.limits = limits == null || limits.none() ? null : limits;
        this.openedAt = Instants.normalize("openedAt", openedAt);
    }

    /** A copy of fields already checked. */
    AccountFields(final AccountFields checked) {
        super(checked);
        this.custodianMsp = checked.custodianMsp;
        this.status = checked.status;
        this.limits = checked.limits;
        this.openedAt = checked.openedAt;
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
}
