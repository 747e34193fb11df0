package io.ledgernode.node.statement;

import io.ledgernode.api.Instants;
import io.ledgernode.mirror.Balance;
import io.ledgernode.mirror.Entry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A statement as RFC 4180 CSV that a spreadsheet opens as it is: UTF-8 with a byte order mark (so Excel reads it as
 * UTF-8), CRLF line ends, one header line, fields quoted when they hold a comma, a quote or a line end, quotes doubled.
 * The first row is the opening balance (time: the period's start), the last the closing balance (time: the period's
 * end; block: the last block the statement reflects). Every amount is in major units with the asset's decimals, beside
 * its minor-unit column. Text a caller wrote (a reference) that a spreadsheet would take for a formula (starting with
 * {@code = + - @}) is prefixed with {@code '}, so it stays text.
 */
final class CsvStatement implements StatementSink {

    static final List<String> COLUMNS = List.of("time_utc", "block", "tx_id", "entry", "kind", "amount", "amount_minor", "change",
            "change_minor", "balance", "balance_minor", "held", "held_minor", "counterparty", "reference", "hold_id");

    private final Writer out;
    private int decimals;
    /** Kept for the closing row: the period's end and the blocks it reflects. */
    private StatementHead head;

    CsvStatement(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void head(StatementHead head) throws IOException {
        decimals = head.decimals();
        out.write('\uFEFF');
        row(COLUMNS);
        Balance opening = head.opening();
        row(List.of(Instants.format(head.from()), "", "", "", "OPENING_BALANCE", "", "", "", "", major(opening.balance()),
                Long.toString(opening.balance()), major(opening.held()), Long.toString(opening.held()), "", "", ""));
        this.head = head;
    }

    @Override
    public void line(StatementLine line) throws IOException {
        Entry entry = line.entry();
        long change = entry.kind().balanceDelta(entry.amount());
        row(List.of(Instants.format(entry.txTimestamp()), Long.toString(entry.blockNumber()), entry.txId(),
                entry.txIndex() + ":" + entry.entryIndex(), entry.kind().name(), major(entry.amount()), Long.toString(entry.amount()),
                major(change), Long.toString(change), major(line.after().balance()), Long.toString(line.after().balance()),
                major(line.after().held()), Long.toString(line.after().held()), text(entry.counterparty()), text(entry.reference()),
                text(entry.holdId())));
    }

    @Override
    public void tail(StatementTail tail) throws IOException {
        Balance closing = tail.closing();
        row(List.of(Instants.format(head.to()), Long.toString(head.mirrorHeight() - 1), "", "", "CLOSING_BALANCE", "",
                "", major(closing.balance() - head.opening().balance()),
                Long.toString(closing.balance() - head.opening().balance()), major(closing.balance()),
                Long.toString(closing.balance()), major(closing.held()), Long.toString(closing.held()), "", "", ""));
        out.flush();
    }

    private String major(long minorUnits) {
        return Amounts.major(minorUnits, decimals);
    }

    private void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** Free text as a spreadsheet must keep it: never a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line end, quotes doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
