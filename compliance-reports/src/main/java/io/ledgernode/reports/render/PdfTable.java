package io.ledgernode.reports.render;

import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One table across as many pages as it needs: columns as wide as their content up to a shared cap that makes them
 * fit the page, cells wrapped, the header repeated on every page, and a cell too tall for a page cut short with a
 * pointer to the CSV (which always holds everything).
 */
final class PdfTable {

    private static final float SIZE = 7;
    private static final float LEADING = 8.6f;
    private static final float PADDING = 3;
    /** So that a text exactly as wide as its column is not wrapped by a rounding error. */
    private static final float SLACK = 1;

    private final PdfPages pages;
    private final Table table;
    private final float[] widths;

    PdfTable(PdfPages pages, Table table) throws IOException {
        this.pages = pages;
        this.table = table;
        this.widths = widths(pages, table);
    }

    void draw() throws IOException {
        startPage(false);
        if (table.rows().isEmpty()) {
            pages.moveDown(LEADING + PADDING);
            pages.text(pages.regular, SIZE + 1, PdfPages.MARGIN, pages.y(), "No rows.");
            return;
        }
        for (List<Value> row : table.rows()) {
            List<List<String>> cells = cells(row.stream().map(Value::display).toList(), false);
            float height = height(cells);
            if (!pages.fits(height)) {
                startPage(true);
            }
            drawRow(cells, false);
        }
    }

    private void startPage(boolean continued) throws IOException {
        pages.newPage();
        pages.title(table.title() + (continued ? " (continued)" : ""), 13);
        pages.gap(4);
        drawRow(cells(table.columns().stream().map(PdfTable::label).toList(), true), true);
    }

    private void drawRow(List<List<String>> cells, boolean header) throws IOException {
        float top = pages.y();
        float x = PdfPages.MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float baseline = top - LEADING;
            for (String line : cells.get(i)) {
                float width = PdfPages.width(header ? pages.bold : pages.regular, SIZE, line);
                float left = table.columns().get(i).alignRight() && !header ? x + widths[i] - PADDING - width
                        : x + PADDING;
                pages.text(header ? pages.bold : pages.regular, SIZE, left, baseline, line);
                baseline -= LEADING;
            }
            x += widths[i];
        }
        pages.moveDown(height(cells));
        pages.line(PdfPages.MARGIN, pages.y(), PdfPages.MARGIN + pages.width(), pages.y());
    }

    private List<List<String>> cells(List<String> texts, boolean header) throws IOException {
        int linesMax = (int) ((pages.pageContentHeight() - 80) / LEADING);
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> lines = PdfPages.wrap(header ? pages.bold : pages.regular, SIZE, texts.get(i),
                    widths[i] - 2 * PADDING);
            if (lines.size() > linesMax) {
                int rest = lines.size() - linesMax + 1;
                lines = new ArrayList<>(lines.subList(0, linesMax - 1));
                lines.add("(" + rest + " more lines: see the CSV)");
            }
            cells.add(lines);
        }
        return cells;
    }

    /** A column's heading: its name with spaces, so a narrow column's heading wraps between words. */
    private static String label(Column column) {
        return column.name().replace('_', ' ');
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * LEADING + PADDING;
    }

    /** Natural widths, capped so they add up to at most the page width; the cap is found by bisection. */
    private static float[] widths(PdfPages pages, Table table) throws IOException {
        int n = table.columns().size();
        float[] natural = new float[n];
        for (int i = 0; i < n; i++) {
            for (String word : label(table.columns().get(i)).split(" ")) {
                natural[i] = Math.max(natural[i], PdfPages.width(pages.bold, SIZE, word) + 2 * PADDING + SLACK);
            }
        }
        for (List<Value> row : table.rows()) {
            for (int i = 0; i < n; i++) {
                natural[i] = Math.max(natural[i], PdfPages.width(pages.regular, SIZE, row.get(i).display())
                        + 2 * PADDING + SLACK);
            }
        }
        float low = 0;
        float high = pages.width();
        for (int step = 0; step < 40; step++) {
            float cap = (low + high) / 2;
            if (sum(natural, cap) <= pages.width()) {
                low = cap;
            } else {
                high = cap;
            }
        }
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            widths[i] = Math.min(natural[i], low);
        }
        return widths;
    }

    private static float sum(float[] natural, float cap) {
        float sum = 0;
        for (float width : natural) {
            sum += Math.min(width, cap);
        }
        return sum;
    }
}
