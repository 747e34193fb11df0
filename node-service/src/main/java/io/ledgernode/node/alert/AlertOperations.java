package io.ledgernode.node.alert;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.mirror.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alerts for compliance roles: auditors and operators read every alert, a regulator those of its jurisdiction; any
 * other role is refused. Also where a transfer the chain refused because its receiver is frozen becomes an alert.
 */
public final class AlertOperations {

    private static final Logger LOG = Logger.getLogger(AlertOperations.class.getName());

    private final AlertStore store;
    private final Mirror mirror;
    private final Clock clock;
    private final int pageSizeDefault;
    private final int pageSizeMax;

    public AlertOperations(AlertStore store, Mirror mirror, Clock clock, int pageSizeDefault, int pageSizeMax) {
        this.store = store;
        this.mirror = mirror;
        this.clock = clock;
        this.pageSizeDefault = pageSizeDefault;
        this.pageSizeMax = pageSizeMax;
    }

    /** The newest alerts the caller may see, of {@code kind} when given, before the cursor (an alert id). */
    public AlertAnswer.Page list(Caller caller, Optional<String> kindText, Optional<String> cursor, Optional<String> limitText) {
        Requests.requireRole(caller, Role.AUDITOR, Role.OPERATOR, Role.REGULATOR);
        Optional<AlertKind> kind = kindText.map(AlertOperations::kind);
        int limit = Requests.limit(limitText, pageSizeDefault, pageSizeMax);
        long before = cursor.map(text -> Requests.wholeNumber(text).orElseThrow(() -> ApiException.badRequest("cursor is not one this "
                + "service gave out"))).orElse(Long.MAX_VALUE);
        boolean everything = caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR);
        Optional<String> jurisdiction = everything ? Optional.empty() : caller.jurisdiction();
        List<Alert> alerts;
        try {
            alerts = store.before(before, jurisdiction, kind, limit);
        } catch (SQLException e) {
            throw new ApiException(ApiErrorCode.Service.MIRROR_UNAVAILABLE, "the node's database is not reachable; retry shortly");
        }
        String next = alerts.size() < limit ? null : Long.toString(alerts.get(alerts.size() - 1).id());
        return new AlertAnswer.Page(alerts.stream().map(AlertAnswer::of).toList(), next);
    }

    /**
     * The chain refused a transfer with ACCOUNT_FROZEN: each leg whose receiver the mirror shows frozen is an attempt
     * to pay a frozen account. Never fails the caller's request: an alert that cannot be kept is logged.
     */
    public void refusedFrozen(Caller caller, List<TransferLeg> legs) {
        for (TransferLeg leg : legs) {
            try {
                Optional<Account> to = mirror.read(view -> view.account(leg.to())).value();
                if (to.isPresent() && to.get().status() == AccountStatus.FROZEN) {
                    store.raise(new AlertStore.Raised(AlertKind.FROZEN_ACCOUNT_RECEIVING, leg.to(), to.get().jurisdiction(), leg.asset(),
                            leg.amount().minorUnits(), OptionalLong.empty(), Optional.empty(), Optional.empty(), EntryKind.CREDIT, clock.instant(),
                            "a transfer of " + leg.amount().minorUnits() + " " + leg.asset() + " (minor units) from " + leg.from()
                                    + " to frozen account " + leg.to() + " was refused; sent by " + caller.subject()), clock.instant());
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "an attempt to pay frozen account " + leg.to() + " could not be recorded as an alert", e);
            }
        }
    }

    private static AlertKind kind(String text) {
        try {
            return AlertKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind must be one of " + List.of(AlertKind.values()));
        }
    }
}
