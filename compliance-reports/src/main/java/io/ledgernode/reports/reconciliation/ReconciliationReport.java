package io.ledgernode.reports.reconciliation;

import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.reconciliation.ReconciliationResult.Break;
import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.Origin;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds the reconciliation report of one jurisdiction. */
public final class ReconciliationReport {

    static final List<Column> COLUMNS = List.of(Column.text("type"), Column.number("block_number"),
            Column.text("account"), Column.text("jurisdiction"), Column.text("asset"), Column.text("chain_value"),
            Column.text("mirror_value"));
    static final List<Column> TOTAL_COLUMNS = List.of(Column.text("asset"), Column.text("type"),
            Column.number("breaks"));

    /** Breaks sorted on every field, so the same result gives the same report whatever order it listed them in. */
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Break> ORDER = Comparator.comparingLong(Break::blockNumber)
            .thenComparing(Break::type).thenComparing(Break::account, TEXT).thenComparing(Break::asset, TEXT)
            .thenComparing(Break::jurisdiction, TEXT).thenComparing(Break::chainValue, TEXT)
            .thenComparing(Break::mirrorValue, TEXT);

    private ReconciliationReport() {
    }

    /** The period a run's reports are published under: {@code run-<runId>}. */
    public static String period(ReconciliationResult result) {
        return "run-" + result.runId();
    }

    /**
     * Whether this break belongs in this jurisdiction's report: its own, or one without a jurisdiction; the
     * consolidated report ({@link PublishedReport#ALL_JURISDICTIONS}) has every break.
     */
    public static boolean concerns(Break breakRecord, String jurisdiction) {
        return PublishedReport.ALL_JURISDICTIONS.equals(jurisdiction) || breakRecord.jurisdiction() == null
                || breakRecord.jurisdiction().equals(jurisdiction);
    }

    public static ReportDocument build(Origin origin, String jurisdiction, ReconciliationResult result) {
        List<Break> breaks = result.breaks().stream().filter(b -> concerns(b, jurisdiction)).sorted(ORDER).toList();
        List<List<Value>> rows = new ArrayList<>();
        Map<List<String>, Integer> totals = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        for (Break b : breaks) {
            rows.add(List.of(Value.text(b.type().name()), Value.number(b.blockNumber()), Value.text(b.account()),
                    Value.text(b.jurisdiction()), Value.text(b.asset()), Value.text(b.chainValue()),
                    Value.text(b.mirrorValue())));
            totals.merge(List.of(Objects.requireNonNullElse(b.asset(), ""), b.type().name()), 1, Integer::sum);
        }
        List<List<Value>> totalRows = new ArrayList<>();
        totals.forEach((key, count) -> totalRows.add(List.of(Value.text(key.get(0).isEmpty() ? null : key.get(0)),
                Value.text(key.get(1)), Value.number(count))));
        return new ReportDocument(origin.header(ReportKind.RECONCILIATION, jurisdiction, period(result),
                result.consistentAtBlock(), HexFormat.of().formatHex(result.consistentAtBlockHash()),
                result.finishedAt()), parameters(result, breaks.size()), List.of(
                        new Table("breaks", "Breaks", COLUMNS, rows),
                        new Table("totals", "Breaks per asset and type", TOTAL_COLUMNS, totalRows)));
    }

    private static List<Field> parameters(ReconciliationResult result, int ours) {
        return List.of(
                new Field("runId", "Run", Long.toString(result.runId())),
                new Field("startedAt", "Started", result.startedAt().toString()),
                new Field("finishedAt", "Finished", result.finishedAt().toString()),
                new Field("consistentAtBlock", "Consistent at block", Long.toString(result.consistentAtBlock())),
                new Field("accountsCompared", "Accounts compared", Long.toString(result.accountsCompared())),
                new Field("assetsCompared", "Assets compared", Long.toString(result.assetsCompared())),
                new Field("blocksCompared", "Blocks compared", Long.toString(result.blocksCompared())),
                new Field("breaks", "Breaks in this report", Integer.toString(ours)),
                new Field("breaksInRun", "Breaks in the run (all jurisdictions)",
                        Integer.toString(result.breaks().size())),
                new Field("rule", "Rule", "breaks without a jurisdiction (block hash, supply) are in every "
                        + "jurisdiction's report"));
    }
}
