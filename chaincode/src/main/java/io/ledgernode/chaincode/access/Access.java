package io.ledgernode.chaincode.access;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.governance.LedgerConfig;

/** The role rules of the interface; each rejects with {@link ErrorCode#FORBIDDEN}. */
public final class Access {
    private Access() {}

    /** {@code Governance:configure}: an admin of the org the request names as issuer (the issuer declares itself). */
    public static void requireAdminOf(final Caller caller, final String issuerMsp) {
        if (!caller.mspId().equals(issuerMsp) || !caller.admin()) {
            throw forbidden("only an admin of " + issuerMsp + " may configure it as issuer; caller is "
                    + describe(caller));
        }
    }

    /** Any client of the issuer org. */
    public static void requireIssuer(final Caller caller, final LedgerConfig config) {
        if (!caller.mspId().equals(config.issuerMsp())) {
            throw forbidden("only the issuer org may do this; caller is " + describe(caller));
        }
    }

    /** A client of the issuer org that is an admin or carries {@code ledger.role=compliance}. */
    public static void requireCompliance(final Caller caller, final LedgerConfig config) {
        final boolean officer = caller.admin() || Caller.COMPLIANCE_ROLE.equals(caller.role());
        if (!caller.mspId().equals(config.issuerMsp()) || !officer) {
            throw forbidden("only an issuer admin or compliance officer may do this; caller is " + describe(caller));
        }
    }

    /** A client of the org that opened the account. */
    public static void requireCustodian(final Caller caller, final Account account) {
        if (!caller.mspId().equals(account.custodianMsp())) {
            throw forbidden("only the custodian of account " + account.id() + " may do this; caller is "
                    + describe(caller));
        }
    }

    private static String describe(final Caller caller) {
        return caller.mspId() + (caller.admin() ? " (admin)" : "");
    }

    private static LedgerException forbidden(final String text) {
        return new LedgerException(ErrorCode.FORBIDDEN, text);
    }
}
