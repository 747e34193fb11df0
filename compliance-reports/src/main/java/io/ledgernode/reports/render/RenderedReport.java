package io.ledgernode.reports.render;

import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.Table;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A report's data files by name ({@code <table>.csv} for each table, {@code report.json}, {@code report.pdf}) and
 * the row count of each table.
 */
public record RenderedReport(SortedMap<String, byte[]> files, Map<String, Integer> rows) {

    public static final String JSON = "report.json";
    public static final String PDF = "report.pdf";

    public RenderedReport {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Renders every format of the document. */
    public static RenderedReport of(ReportDocument document) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Table table : document.tables()) {
            files.put(table.name() + ".csv", CsvRenderer.render(table));
            rows.put(table.name(), table.rows().size());
        }
        byte[] json = JsonRenderer.render(document);
        files.put(JSON, json);
        // The JSON holds every value of the report, so its digest is a content-derived /ID for the PDF.
        files.put(PDF, PdfRenderer.render(document, Arrays.copyOf(sha256(json), 16)));
        return new RenderedReport(files, rows);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
