package io.ledgernode.api.account;

import io.ledgernode.api.Require;

/**
 * What opening an account names, and so what every account record and view starts with: its id, asset,
 * pseudonymous owner reference and jurisdiction, each checked here once. These are ordinary JSON fields of the
 * subclass: the interface's JSON is every declared field, a superclass's included, sorted by name.
 */
public abstract class AccountOpening {
    private final String id;
    private final String asset;
    private final String ownerRef;
    private final String jurisdiction;

    AccountOpening(final String id, final String asset, final String ownerRef, final String jurisdiction) {
        this.id = Require.accountId("id", id);
        this.asset = Require.assetCode("asset", asset);
        this.ownerRef = Require.ownerRef("ownerRef", ownerRef);
        this.jurisdiction = Require.jurisdiction("jurisdiction", jurisdiction);
    }

    /** A copy of fields already checked. */
    AccountOpening(final AccountOpening checked) {
        this.id = checked.id;
        this.asset = checked.asset;
        this.ownerRef = checked.ownerRef;
        this.jurisdiction = checked.jurisdiction;
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
}
