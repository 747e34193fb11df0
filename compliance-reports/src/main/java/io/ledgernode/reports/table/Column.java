package io.ledgernode.reports.table;

import java.util.Objects;
import java.util.regex.Pattern;

/** A column: its name (the CSV header and JSON key, snake_case) and whether the PDF aligns it right (numbers). */
public record Column(String name, boolean alignRight) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name is not snake_case: " + name);
        }
    }

    public static Column text(String name) {
        return new Column(name, false);
    }

    public static Column number(String name) {
        return new Column(name, true);
    }
}
