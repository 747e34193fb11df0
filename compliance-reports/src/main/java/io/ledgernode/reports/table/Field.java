package io.ledgernode.reports.table;

import java.util.Objects;

/** A parameter of a report: its JSON key, its label on the PDF cover, its value as text. */
public record Field(String key, String label, String value) {

    public Field {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
