package io.ledgernode.reports.render;

import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.ReportHeader;
import io.ledgernode.reports.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The report for people: a cover page (node, org, kind, jurisdiction, period, cut-off block and hash, parameters,
 * contents), then each table on pages of its own with its header repeated after every page break.
 *
 * <p>Reproducible by construction: PDFBox would write a time-based /ID and nothing stops it from being asked for
 * dates, so both are set here from the data ({@code asOf} and a digest of the report), fonts are the standard 14
 * (nothing embedded, no random subset tags), and nothing is deflated, so no zlib version can change a byte.
 */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    /** The PDF of this document; {@code documentId} (16 bytes, from the report's content) becomes its /ID. */
    public static byte[] render(ReportDocument document, byte[] documentId) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PdfPages pages = new PdfPages(pdf, footer(document.header()));
            cover(pages, document);
            for (Table table : document.tables()) {
                new PdfTable(pages, table).draw();
            }
            pages.finish();
            describe(pdf, document.header(), documentId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private static void cover(PdfPages pages, ReportDocument document) throws IOException {
        ReportHeader header = document.header();
        pages.newPage();
        pages.title(header.kind().title(), 22);
        pages.gap(10);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Node", header.nodeName()});
        lines.add(new String[] {"Organisation", header.org()});
        lines.add(new String[] {"Report", header.kind().title() + " (" + header.kind().directoryName() + ")"});
        lines.add(new String[] {"Jurisdiction", header.jurisdiction()});
        lines.add(new String[] {"Period", header.period()});
        lines.add(new String[] {"Cut-off block", Long.toString(header.cutOffBlock())});
        lines.add(new String[] {"Cut-off block hash", header.cutOffBlockHash()});
        lines.add(new String[] {"As of", header.asOf().toString()});
        lines.add(new String[] {"Generator", header.generator()});
        for (Field field : document.parameters()) {
            lines.add(new String[] {field.label(), field.value()});
        }
        for (Table table : document.tables()) {
            lines.add(new String[] {"Contents", table.title() + ": " + table.rows().size() + " rows"});
        }
        pages.keyValues(lines, 11);
        pages.gap(14);
        pages.note("Parties are shown by keyed pseudonyms, never by owner reference. Amounts are integer minor units; "
                + "decimal columns are the same amounts with the asset's decimals, computed exactly. Only rows of "
                + "blocks at or before the cut-off block count. The CSV and JSON files hold the same rows; "
                + "manifest.json lists every file's SHA-256 and manifest.json.p7s signs it.", 9);
    }

    private static String footer(ReportHeader header) {
        return header.kind().title() + " | " + header.jurisdiction() + " | " + header.period() + " | block "
                + header.cutOffBlock() + " | " + header.nodeName();
    }

    private static void describe(PDDocument pdf, ReportHeader header, byte[] documentId) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(header.kind().title() + " " + header.jurisdiction() + " " + header.period());
        info.setAuthor(header.org());
        info.setSubject(header.kind().directoryName() + " at block " + header.cutOffBlock());
        info.setCreator(header.generator());
        Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        asOf.setTimeInMillis(header.asOf().toEpochMilli());
        info.setCreationDate(asOf);
        info.setModificationDate(asOf);
        pdf.setDocumentInformation(info);
        COSArray id = new COSArray();
        id.add(new COSString(documentId));
        id.add(new COSString(documentId));
        pdf.getDocument().getTrailer().setItem(COSName.ID, id);
    }
}
