package io.ledgernode.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.Origin;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import io.ledgernode.reports.testing.MirrorSeed;
import io.ledgernode.reports.testing.PublishedDayTest;
import io.ledgernode.reports.testing.SeededDay;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF for people: it opens, renders, and says on its cover what it is pinned to. */
class PdfReportTest extends PublishedDayTest {

    @Test
    void the_pdf_opens_and_its_first_page_renders_to_a_non_blank_image() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pdf("DE", ReportKind.DAILY_TRANSACTIONS))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);

            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(darkPixels(page)).isGreaterThan(2_000);
        }
    }

    @Test
    void the_cover_names_node_org_kind_jurisdiction_period_and_the_cut_off_block_with_its_hash() throws Exception {
        String cover = text(pdf("DE", ReportKind.DAILY_TRANSACTIONS), 1, 1);

        assertThat(cover).contains("Daily transaction report", "node-test", "Org1MSP", "Jurisdiction DE",
                "Period 2026-11-22", "Cut-off block 7", "Cut-off block hash " + MirrorSeed.blockHashHex(7));
    }

    @Test
    void the_rows_follow_the_cover_with_totals_per_asset() throws Exception {
        String all = text(pdf("FR", ReportKind.DAILY_TRANSACTIONS), 2, Integer.MAX_VALUE);

        assertThat(all).contains("Transactions", "HOLD_CAPTURE", "carol", "Totals per asset and type", "EUR",
                "70.00");
    }

    @Test
    void the_pdf_is_dated_by_the_chain_and_its_id_comes_from_the_content() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pdf("DE", ReportKind.BALANCES))) {
            // Block 7's only transaction is at 2026-11-23T00:00:01Z.
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-11-23T00:00:01Z"));
            COSArray id = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
            byte[] expected = Arrays.copyOf(RenderedReport.sha256(Files.readAllBytes(
                    day.report("DE", ReportKind.BALANCES).directory().resolve("report.json"))), 16);
            assertThat(((COSString) id.getObject(0)).getBytes()).isEqualTo(expected);
        }
    }

    @Test
    void a_long_table_breaks_across_pages_and_repeats_its_header_on_each() throws Exception {
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(List.of(Value.number(i), Value.text(MirrorSeed.txId("row-" + i)), Value.amount(1_000L * i)));
        }
        ReportDocument document = new ReportDocument(new Origin("node-test", "Org1MSP", "test").header(
                ReportKind.DAILY_TRANSACTIONS, "DE", "2026-11-22", 7, MirrorSeed.blockHashHex(7), Instant.EPOCH),
                List.of(new Field("day", "Day", "2026-11-22")), List.of(new Table("transactions", "Transactions",
                        List.of(Column.number("row"), Column.text("tx_id"), Column.number("amount_minor")), rows)));

        byte[] pdf = PdfRenderer.render(document, new byte[16]);

        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            assertThat(loaded.getNumberOfPages()).isGreaterThan(5);
        }
        String lastPage = text(pdf, pages(pdf), pages(pdf));
        assertThat(lastPage).contains("Transactions (continued)", "row", "tx id", "amount", "399", "399000");
    }

    private static byte[] pdf(String jurisdiction, ReportKind kind) throws Exception {
        return Files.readAllBytes(day.report(jurisdiction, kind).directory().resolve("report.pdf"));
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            return loaded.getNumberOfPages();
        }
    }

    private static String text(byte[] pdf, int from, int to) throws Exception {
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(loaded).replaceAll("[ \\t]+", " ");
        }
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (luminance < 3 * 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
