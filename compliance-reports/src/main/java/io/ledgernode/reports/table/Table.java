package io.ledgernode.reports.table;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named table: {@code name} is its CSV file's name ({@code <name>.csv}) and its key in the JSON; {@code title} is
 * its heading in the PDF. Rows are in the order they are to be printed.
 */
public record Table(String name, String title, List<Column> columns, List<List<Value>> rows) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table name is not a plain file name: " + name);
        }
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Value> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + " has " + columns.size() + " columns, a row "
                        + row.size() + " cells");
            }
        }
    }
}
