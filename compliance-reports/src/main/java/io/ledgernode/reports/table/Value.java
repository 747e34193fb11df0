package io.ledgernode.reports.table;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One cell. Amounts are {@link Text} of integer minor units (as the API writes them: JSON numbers lose precision
 * past 2^53 in many readers); block numbers and counts are {@link Number}.
 */
public sealed interface Value permits Value.Text, Value.Number, Value.Texts, Value.Empty {

    /** The cell as CSV and PDF show it. */
    String display();

    record Text(String text) implements Value {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String display() {
            return text;
        }
    }

    record Number(BigInteger value) implements Value {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /** A list (contributing transaction ids): a JSON array, space-separated in CSV and PDF. */
    record Texts(List<String> texts) implements Value {
        public Texts {
            texts = List.copyOf(texts);
        }

        @Override
        public String display() {
            return String.join(" ", texts);
        }
    }

    /** Nothing here (the other side of a mint): JSON null, an empty CSV field. */
    record Empty() implements Value {
        @Override
        public String display() {
            return "";
        }
    }

    static Value text(String text) {
        return text == null ? new Empty() : new Text(text);
    }

    static Value number(long value) {
        return new Number(BigInteger.valueOf(value));
    }

    static Value number(BigInteger value) {
        return new Number(value);
    }

    static Value amount(long minorUnits) {
        return new Text(Long.toString(minorUnits));
    }

    static Value amount(BigInteger minorUnits) {
        return new Text(minorUnits.toString());
    }

    static Value texts(List<String> texts) {
        return new Texts(texts);
    }

    static Value empty() {
        return new Empty();
    }
}
