package io.ledgernode.reports.balances;

import io.ledgernode.reports.ReportContext;
import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.mirror.AccountState;
import io.ledgernode.reports.mirror.Asset;
import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the balances and supply attestation of one jurisdiction. */
public final class BalancesReport {

    static final List<Column> ACCOUNT_COLUMNS = List.of(Column.text("account"), Column.text("party"),
            Column.text("asset"), Column.number("balance_minor"), Column.number("balance"),
            Column.number("held_minor"), Column.number("held"), Column.number("opened_block"));
    static final List<Column> ASSET_COLUMNS = List.of(Column.text("asset"), Column.number("decimals"),
            Column.number("supply_minor"), Column.number("supply"), Column.number("balances_minor"),
            Column.number("held_minor"), Column.text("balanced"), Column.number("jurisdiction_accounts"),
            Column.number("jurisdiction_balances_minor"), Column.number("jurisdiction_held_minor"));

    private BalancesReport() {
    }

    /** Per asset: every jurisdiction's sums, and this jurisdiction's. */
    private static final class Sums {
        BigInteger balances = BigInteger.ZERO;
        BigInteger held = BigInteger.ZERO;
        long ourAccounts;
        BigInteger ourBalances = BigInteger.ZERO;
        BigInteger ourHeld = BigInteger.ZERO;
    }

    /**
     * @param accounts every account at the cut-off, of every jurisdiction, ordered by id
     * @param supplies each asset's supply at the cut-off, from its mints and burns
     */
    public static ReportDocument build(ReportContext context, LocalDate day, String jurisdiction,
            List<AccountState> accounts, Map<String, BigInteger> supplies) throws ReportException {
        Map<String, Sums> sums = new TreeMap<>();
        context.assets().keySet().forEach(code -> sums.put(code, new Sums()));
        List<List<Value>> accountRows = new ArrayList<>();
        for (AccountState state : accounts) {
            Asset asset = context.asset(state.account().asset());
            Sums of = sums.get(asset.code());
            of.balances = of.balances.add(BigInteger.valueOf(state.balance()));
            of.held = of.held.add(BigInteger.valueOf(state.held()));
            if (state.account().in(jurisdiction)) {
                of.ourAccounts++;
                of.ourBalances = of.ourBalances.add(BigInteger.valueOf(state.balance()));
                of.ourHeld = of.ourHeld.add(BigInteger.valueOf(state.held()));
                accountRows.add(List.of(Value.text(state.account().id()),
                        Value.text(context.pseudonyms().of(state.account().ownerRef())), Value.text(asset.code()),
                        Value.amount(state.balance()), Value.text(asset.decimal(state.balance())),
                        Value.amount(state.held()), Value.text(asset.decimal(state.held())),
                        Value.number(state.openedBlock())));
            }
        }
        List<List<Value>> assetRows = new ArrayList<>();
        List<String> unbalanced = new ArrayList<>();
        for (Map.Entry<String, Sums> entry : sums.entrySet()) {
            Asset asset = context.asset(entry.getKey());
            Sums of = entry.getValue();
            BigInteger supply = supplies.getOrDefault(asset.code(), BigInteger.ZERO);
            boolean balanced = supply.equals(of.balances.add(of.held));
            if (!balanced) {
                unbalanced.add(asset.code());
            }
            assetRows.add(List.of(Value.text(asset.code()), Value.number(asset.decimals()), Value.amount(supply),
                    Value.text(asset.decimal(supply)), Value.amount(of.balances), Value.amount(of.held),
                    Value.text(Boolean.toString(balanced)), Value.number(of.ourAccounts),
                    Value.amount(of.ourBalances), Value.amount(of.ourHeld)));
        }
        List<Field> parameters = List.of(
                new Field("day", "Day (UTC)", day.toString()),
                new Field("attestation", "Supply attestation", unbalanced.isEmpty()
                        ? "balanced: every asset's supply equals the sum of its balances and held amounts"
                        : "NOT BALANCED: " + String.join(", ", unbalanced)));
        return new ReportDocument(context.header(ReportKind.BALANCES, jurisdiction, day.toString()), parameters,
                List.of(new Table("accounts", "Accounts at the cut-off block", ACCOUNT_COLUMNS, accountRows),
                        new Table("assets", "Supply attestation per asset (all jurisdictions, and this one's share)",
                                ASSET_COLUMNS, assetRows)));
    }
}
