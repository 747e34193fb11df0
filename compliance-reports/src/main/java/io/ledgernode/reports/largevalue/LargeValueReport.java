package io.ledgernode.reports.largevalue;

import io.ledgernode.reports.LargeValueThresholds;
import io.ledgernode.reports.ReportContext;
import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.mirror.AccountRef;
import io.ledgernode.reports.mirror.Asset;
import io.ledgernode.reports.mirror.Movement;
import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the large-value report of one jurisdiction. */
public final class LargeValueReport {

    static final List<Column> COLUMNS = List.of(Column.text("party"), Column.text("asset"), Column.text("direction"),
            Column.number("total_minor"), Column.number("total"), Column.number("threshold_minor"),
            Column.number("movements"), Column.number("tx_count"), Column.text("accounts"), Column.text("tx_ids"));
    static final List<Column> TOTAL_COLUMNS = List.of(Column.text("asset"), Column.text("direction"),
            Column.number("parties"), Column.number("total_minor"), Column.number("total"));

    /** Rows by asset, then direction, then pseudonym (never by owner reference, whose order would tell). */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::asset).thenComparing(Key::direction)
            .thenComparing(Key::party);

    private LargeValueReport() {
    }

    /** The party's side of one asset and direction. The key holds the pseudonym, never the owner reference. */
    private record Key(String asset, Direction direction, String party) {
    }

    /** What one party moved in one direction: the total, its accounts, its transactions in chain order. */
    private static final class Aggregate {
        BigInteger total = BigInteger.ZERO;
        int movements;
        final Set<String> accounts = new TreeSet<>();
        final Set<String> txIds = new LinkedHashSet<>();

        void add(Movement movement, AccountRef account) {
            total = total.add(BigInteger.valueOf(movement.amount()));
            movements++;
            accounts.add(account.id());
            txIds.add(movement.txId());
        }
    }

    public static ReportDocument build(ReportContext context, LocalDate day, String jurisdiction,
            List<Movement> movements, LargeValueThresholds thresholds) throws ReportException {
        Map<Key, Aggregate> aggregates = aggregate(context, jurisdiction, movements);
        List<List<Value>> rows = new ArrayList<>();
        Map<Key, BigInteger> totals = new TreeMap<>(ORDER);
        Map<Key, Integer> parties = new HashMap<>();
        for (Map.Entry<Key, Aggregate> entry : aggregates.entrySet()) {
            Key key = entry.getKey();
            Aggregate aggregate = entry.getValue();
            long threshold = thresholds.thresholdMinor(key.asset());
            if (aggregate.total.compareTo(BigInteger.valueOf(threshold)) <= 0) {
                continue;
            }
            Asset asset = context.asset(key.asset());
            rows.add(List.of(Value.text(key.party()), Value.text(key.asset()), Value.text(key.direction().name()),
                    Value.amount(aggregate.total), Value.text(asset.decimal(aggregate.total)),
                    Value.amount(threshold), Value.number(aggregate.movements),
                    Value.number(aggregate.txIds.size()), Value.texts(List.copyOf(aggregate.accounts)),
                    Value.texts(List.copyOf(aggregate.txIds))));
            Key total = new Key(key.asset(), key.direction(), "");
            totals.merge(total, aggregate.total, BigInteger::add);
            parties.merge(total, 1, Integer::sum);
        }
        List<List<Value>> totalRows = new ArrayList<>();
        for (Map.Entry<Key, BigInteger> total : totals.entrySet()) {
            totalRows.add(context.totalRow(total.getKey().asset(), total.getKey().direction().name(), parties.get(total.getKey()),
                    total.getValue()));
        }
        return new ReportDocument(context.header(ReportKind.LARGE_VALUE, jurisdiction, day.toString()),
                parameters(context, day, thresholds), List.of(
                        new Table("large-values", "Parties over the threshold", COLUMNS, rows),
                        new Table("totals", "Totals per asset and direction", TOTAL_COLUMNS, totalRows)));
    }

    private static Map<Key, Aggregate> aggregate(ReportContext context, String jurisdiction,
            List<Movement> movements) {
        Map<Key, Aggregate> aggregates = new TreeMap<>(ORDER);
        for (Movement movement : movements) {
            if (!movement.type().changesHands()) {
                continue;
            }
            // Both sides count when both are ours, even between two accounts of one party: over-reporting a
            // party's own shuffle is cheaper for a regulator than missing a structured flow.
            if (movement.from() != null && movement.from().in(jurisdiction)) {
                add(context, aggregates, movement, movement.from(), Direction.OUTGOING);
            }
            if (movement.to() != null && movement.to().in(jurisdiction)) {
                add(context, aggregates, movement, movement.to(), Direction.INCOMING);
            }
        }
        return aggregates;
    }

    private static void add(ReportContext context, Map<Key, Aggregate> aggregates, Movement movement,
            AccountRef account, Direction direction) {
        Key key = new Key(movement.asset(), direction, context.pseudonyms().of(account.ownerRef()));
        aggregates.computeIfAbsent(key, k -> new Aggregate()).add(movement, account);
    }

    private static List<Field> parameters(ReportContext context, LocalDate day, LargeValueThresholds thresholds) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("day", "Day (UTC)", day.toString()));
        fields.add(new Field("rule", "Rule", "a party's total per asset and direction (outgoing and incoming "
                + "separately) over its accounts of this jurisdiction, reported when strictly over the threshold"));
        fields.add(new Field("thresholdDefaultMinor", "Threshold (default)",
                thresholds.defaultThresholdMinor() + " minor units"));
        for (String asset : context.assets().keySet()) {
            fields.add(new Field("thresholdMinor." + asset, "Threshold " + asset,
                    thresholds.thresholdMinor(asset) + " minor units"));
        }
        return fields;
    }
}
