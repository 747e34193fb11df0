package io.ledgernode.reports.table;

import java.util.List;
import java.util.Objects;

/** One report, ready to render: its header, its parameters (thresholds, run ids), and its tables in order. */
public record ReportDocument(ReportHeader header, List<Field> parameters, List<Table> tables) {

    public ReportDocument {
        Objects.requireNonNull(header, "header");
        parameters = List.copyOf(parameters);
        tables = List.copyOf(tables);
        if (tables.stream().map(Table::name).distinct().count() != tables.size()) {
            throw new IllegalArgumentException("table names must be distinct: they name files");
        }
    }
}
