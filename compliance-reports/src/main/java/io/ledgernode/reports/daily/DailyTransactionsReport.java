package io.ledgernode.reports.daily;

import io.ledgernode.reports.ReportContext;
import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.mirror.AccountRef;
import io.ledgernode.reports.mirror.Asset;
import io.ledgernode.reports.mirror.Movement;
import io.ledgernode.reports.mirror.MovementType;
import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the daily transaction report of one jurisdiction. */
public final class DailyTransactionsReport {

    static final List<Column> COLUMNS = List.of(Column.number("block_number"), Column.number("tx_index"),
            Column.number("entry_index"), Column.text("tx_id"), Column.text("tx_time"), Column.text("type"),
            Column.text("asset"), Column.number("amount_minor"), Column.number("amount"),
            Column.text("from_account"), Column.text("from_party"), Column.text("from_jurisdiction"),
            Column.text("to_account"), Column.text("to_party"), Column.text("to_jurisdiction"),
            Column.text("hold_id"));
    static final List<Column> TOTAL_COLUMNS = List.of(Column.text("asset"), Column.text("type"),
            Column.number("rows"), Column.number("amount_minor"), Column.number("amount"));

    private DailyTransactionsReport() {
    }

    /** The report of {@code day} for {@code jurisdiction} from the day's movements (every jurisdiction's). */
    public static ReportDocument build(ReportContext context, LocalDate day, String jurisdiction,
            List<Movement> movements) throws ReportException {
        List<Movement> ours = movements.stream().filter(movement -> movement.touches(jurisdiction)).toList();
        List<List<Value>> rows = new ArrayList<>();
        for (Movement movement : ours) {
            rows.add(row(context, jurisdiction, movement));
        }
        List<Field> parameters = List.of(
                new Field("day", "Day (UTC)", day.toString()),
                new Field("transactions", "Transactions", Long.toString(ours.stream().map(Movement::txId)
                        .distinct().count())),
                new Field("movements", "Movements", Integer.toString(ours.size())));
        return new ReportDocument(context.header(ReportKind.DAILY_TRANSACTIONS, jurisdiction, day.toString()),
                parameters, List.of(new Table("transactions", "Transactions", COLUMNS, rows),
                        new Table("totals", "Totals per asset and type", TOTAL_COLUMNS, totals(context, ours))));
    }

    private static List<Value> row(ReportContext context, String jurisdiction, Movement movement)
            throws ReportException {
        Asset asset = context.asset(movement.asset());
        List<Value> row = new ArrayList<>(List.of(Value.number(movement.blockNumber()),
                Value.number(movement.txIndex()), Value.number(movement.entryIndex()), Value.text(movement.txId()),
                Value.text(movement.txTime().toString()), Value.text(movement.type().name()),
                Value.text(movement.asset()), Value.amount(movement.amount()),
                Value.text(asset.decimal(movement.amount()))));
        row.addAll(side(context, jurisdiction, movement.from()));
        row.addAll(side(context, jurisdiction, movement.to()));
        row.add(Value.text(movement.holdId()));
        return row;
    }

    /** Account, party and jurisdiction of one side; of another jurisdiction's account, only its jurisdiction. */
    static List<Value> side(ReportContext context, String jurisdiction, AccountRef account) {
        if (account == null) {
            return List.of(Value.empty(), Value.empty(), Value.empty());
        }
        if (!account.in(jurisdiction)) {
            return List.of(Value.empty(), Value.empty(), Value.text(account.jurisdiction()));
        }
        return List.of(Value.text(account.id()), Value.text(context.pseudonyms().of(account.ownerRef())),
                Value.text(account.jurisdiction()));
    }

    private record Key(String asset, MovementType type) {
    }

    private static List<List<Value>> totals(ReportContext context, List<Movement> movements)
            throws ReportException {
        Map<Key, BigInteger> sums = new TreeMap<>(Comparator.comparing(Key::asset).thenComparing(Key::type));
        Map<Key, Integer> counts = new TreeMap<>(Comparator.comparing(Key::asset).thenComparing(Key::type));
        for (Movement movement : movements) {
            Key key = new Key(movement.asset(), movement.type());
            sums.merge(key, BigInteger.valueOf(movement.amount()), BigInteger::add);
            counts.merge(key, 1, Integer::sum);
        }
        List<List<Value>> rows = new ArrayList<>();
        for (Map.Entry<Key, BigInteger> sum : sums.entrySet()) {
            rows.add(context.totalRow(sum.getKey().asset(), sum.getKey().type().name(), counts.get(sum.getKey()), sum.getValue()));
        }
        return rows;
    }
}
