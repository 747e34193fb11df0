package io.ledgernode.reports.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The page cursor: A4 landscape pages with a footer, a y position that moves down, and text helpers that wrap
 * within a width. Text is reduced to printable ASCII first: the standard fonts cannot show anything else, and our
 * identifiers never hold anything else.
 */
final class PdfPages {

    static final PDRectangle SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 36;
    static final float FOOTER_HEIGHT = 18;

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument pdf;
    private final String footer;
    private PDPageContentStream content;
    private int pageNumber;
    private float y;

    PdfPages(PDDocument pdf, String footer) {
        this.pdf = pdf;
        this.footer = footer;
    }

    void newPage() throws IOException {
        finish();
        PDPage page = new PDPage(SIZE);
        pdf.addPage(page);
        pageNumber++;
        // Uncompressed on purpose: deflate output depends on the zlib the JDK links, and the report must not.
        content = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.OVERWRITE, false);
        y = SIZE.getHeight() - MARGIN;
        text(regular, 7, MARGIN, MARGIN - 14, footer);
        String number = "page " + pageNumber;
        text(regular, 7, SIZE.getWidth() - MARGIN - width(regular, 7, number), MARGIN - 14, number);
    }

    void finish() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    void moveDown(float height) {
        y -= height;
    }

    /** Whether something this high still fits above the footer. */
    boolean fits(float height) {
        return y - height >= MARGIN + FOOTER_HEIGHT - 14;
    }

    float pageContentHeight() {
        return SIZE.getHeight() - 2 * MARGIN - FOOTER_HEIGHT;
    }

    void gap(float height) {
        y -= height;
    }

    void title(String title, float size) throws IOException {
        y -= size;
        text(bold, size, MARGIN, y, title);
        y -= size * 0.4f;
    }

    void keyValues(List<String[]> lines, float size) throws IOException {
        float keyWidth = 150;
        float leading = size * 1.45f;
        for (String[] line : lines) {
            List<String> wrapped = wrap(regular, size, line[1], width() - keyWidth);
            y -= leading;
            text(bold, size, MARGIN, y, line[0]);
            for (int i = 0; i < wrapped.size(); i++) {
                if (i > 0) {
                    y -= leading;
                }
                text(regular, size, MARGIN + keyWidth, y, wrapped.get(i));
            }
        }
    }

    void note(String note, float size) throws IOException {
        for (String line : wrap(regular, size, note, width())) {
            y -= size * 1.4f;
            text(regular, size, MARGIN, y, line);
        }
    }

    void text(PDType1Font font, float size, float x, float baseline, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(text));
        content.endText();
    }

    void line(float x1, float y1, float x2, float y2) throws IOException {
        content.setLineWidth(0.4f);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    /** The text broken into lines no wider than {@code width}: at spaces where it can, inside a word where not. */
    static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text).split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (char c : word.toCharArray()) {
                if (!line.isEmpty() && width(font, size, line.toString() + c) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(c);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return out.toString();
    }
}
