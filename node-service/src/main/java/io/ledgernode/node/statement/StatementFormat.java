package io.ledgernode.node.statement;

import io.ledgernode.node.http.ApiException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats a statement is written in, named by the {@code format} query parameter (JSON when absent). */
public enum StatementFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=utf-8; header=present", "csv"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    StatementFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The sink that writes this format to {@code out}. */
    StatementSink sink(OutputStream out) {
        return switch (this) {
            case JSON -> new JsonStatement(out);
            case CSV -> new CsvStatement(out);
            case PDF -> new PdfStatement(out);
        };
    }

    static StatementFormat parse(Optional<String> text) {
        if (text.isEmpty()) {
            return JSON;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            case "pdf" -> PDF;
            default -> throw ApiException.badRequest("format must be json, csv or pdf");
        };
    }
}
