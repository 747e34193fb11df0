package io.ledgernode.reports.render;

import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One table as RFC 4180 CSV: a header line of column names, CRLF line endings, UTF-8 without a byte order mark. */
public final class CsvRenderer {

    private static final String LINE_END = "\r\n";

    private CsvRenderer() {
    }

    public static byte[] render(Table table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns().stream().map(Column::name).toList());
        for (List<Value> row : table.rows()) {
            line(csv, row.stream().map(Value::display).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /** Quoted only when it must be: it holds a comma, a quote, a line break, or starts or ends with a space. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
