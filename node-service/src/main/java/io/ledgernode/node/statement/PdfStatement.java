package io.ledgernode.node.statement;

import io.ledgernode.api.Instants;
import io.ledgernode.mirror.Balance;
import io.ledgernode.mirror.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A statement as a PDF of A4 pages: the same data as the CSV and JSON forms, in a table. The font (Liberation Sans,
 * which PDFBox carries) is embedded, as a subset, so the document shows the same everywhere and a reader needs no font
 * of its own; a character it lacks is shown as {@code ?}. Pages are kept in a file-backed cache, not in memory, and
 * the document is written out at its tail.
 */
final class PdfStatement implements StatementSink {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float SIZE = 8;
    private static final float LEADING = 11;
    /** Column x positions (points from the left margin) and widths: time, block, kind, change, balance, counterparty, reference. */
    private static final float[] X = {0, 96, 132, 200, 268, 340, 420};
    private static final float[] WIDTH = {94, 34, 66, 64, 68, 78, 95};
    private static final List<String> HEADINGS = List.of("Time (UTC)", "Block", "Kind", "Change", "Balance", "Counterparty", "Reference");

    private final OutputStream out;
    private PDDocument document;
    private PDType0Font font;
    private PDPageContentStream page;
    private float y;
    private int decimals;
    private StatementHead head;

    PdfStatement(OutputStream out) {
        this.out = out;
    }

    @Override
    public void head(StatementHead head) throws IOException {
        this.head = head;
        this.decimals = head.decimals();
        document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try (InputStream ttf = PdfStatement.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IOException("the PDF font " + FONT + " is missing from the build");
            }
            font = PDType0Font.load(document, ttf, true);
        }
        newPage();
        text(14, "Statement of account " + head.accountId());
        text(SIZE + 1, "Asset " + head.asset() + " (" + head.decimals() + " decimals), jurisdiction " + head.jurisdiction());
        text(SIZE + 1, "Period " + Instants.format(head.from()) + " to " + Instants.format(head.to())
                + " (UTC; the start included, the end not)");
        text(SIZE + 1, "Opening balance " + major(head.opening().balance()) + " " + head.asset() + ", held "
                + major(head.opening().held()));
        y -= LEADING / 2;
        headings();
    }

    @Override
    public void line(StatementLine line) throws IOException {
        if (y < MARGIN + 4 * LEADING) {
            newPage();
            headings();
        }
        Entry entry = line.entry();
        List<String> cells = List.of(Instants.format(entry.txTimestamp()), Long.toString(entry.blockNumber()), entry.kind().name(),
                major(entry.kind().balanceDelta(entry.amount())), major(line.after().balance()), orEmpty(entry.counterparty()),
                orEmpty(entry.reference()));
        for (int i = 0; i < cells.size(); i++) {
            cell(i, cells.get(i));
        }
        y -= LEADING;
    }

    @Override
    public void tail(StatementTail tail) throws IOException {
        if (y < MARGIN + 8 * LEADING) {
            newPage();
        }
        Balance closing = tail.closing();
        y -= LEADING / 2;
        text(SIZE + 1, "Closing balance " + major(closing.balance()) + " " + head.asset() + ", held " + major(closing.held()));
        text(SIZE + 1, tail.entries() + " entries: credited " + major(tail.credited()) + ", debited " + major(tail.debited()));
        text(SIZE + 1, tail.firstBlock() == null ? "No entries in the period."
                : "Entries from block " + tail.firstBlock() + " to block " + tail.lastBlock() + ".");
        text(SIZE + 1, "Read at " + Instants.format(head.generatedAt()) + " from the node's mirror of blocks 0 to "
                + (head.mirrorHeight() - 1) + "; the chain's proof of any transaction: GET /v1/proofs/{txId}.");
        page.close();
        document.save(out);
        document.close();
        out.flush();
    }

    private void headings() throws IOException {
        for (int i = 0; i < HEADINGS.size(); i++) {
            cell(i, HEADINGS.get(i));
        }
        y -= 2;
        page.moveTo(MARGIN, y);
        page.lineTo(PAGE.getWidth() - MARGIN, y);
        page.stroke();
        y -= LEADING;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PAGE);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        page.setLineWidth(0.5f);
        y = PAGE.getHeight() - MARGIN;
    }

    /** A line of text across the page, below the last. */
    private void text(float size, String text) throws IOException {
        y -= size + 3;
        show(size, MARGIN, shown(text));
    }

    /** A cell of the table: cut to its column's width, an ellipsis marking the cut. */
    private void cell(int column, String text) throws IOException {
        String shown = shown(text);
        if (width(shown) > WIDTH[column]) {
            while (!shown.isEmpty() && width(shown + "\u2026") > WIDTH[column]) {
                shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
            }
            shown += "\u2026";
        }
        show(SIZE, MARGIN + X[column], shown);
    }

    private void show(float size, float x, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    private float width(String text) throws IOException {
        return font.getStringWidth(text) / 1000 * SIZE;
    }

    /** The text with each character the font cannot show replaced by {@code ?}. */
    private String shown(String text) {
        try {
            font.encode(text);
            return text;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    shown.append(character);
                } catch (IOException | IllegalArgumentException missing) {
                    shown.append('?');
                }
            });
            return shown.toString();
        }
    }

    private String major(long minorUnits) {
        return Amounts.major(minorUnits, decimals);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
