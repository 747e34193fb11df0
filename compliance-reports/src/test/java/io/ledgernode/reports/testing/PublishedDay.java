package io.ledgernode.reports.testing;

import io.ledgernode.mirror.testing.EmbeddedMirror;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.reports.LargeValueThresholds;
import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.ReportPublisher;
import io.ledgernode.reports.ReportsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seeded day published at its cut-off into a reports root, with what tests need to read the reports back. The
 * large-value threshold is 10,000 minor units for USD and the default (1,000,000) for every other asset.
 */
public final class PublishedDay {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final TestPki pki;
    public final EmbeddedMirror.Database mirror;
    public final ReportsConfig config;
    public final List<PublishedReport> published;

    private PublishedDay(TestPki pki, EmbeddedMirror.Database mirror, ReportsConfig config,
            List<PublishedReport> published) {
        this.pki = pki;
        this.mirror = mirror;
        this.config = config;
        this.published = published;
    }

    public static PublishedDay publish(Path directory) throws Exception {
        TestPki pki = TestPki.create();
        EmbeddedMirror.Database mirror = SeededDay.mirror();
        ReportsConfig config = configFor(pki, directory, "reports");
        List<PublishedReport> published = new ReportPublisher(config).publishDay(mirror.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF);
        return new PublishedDay(pki, mirror, config, published);
    }

    /** The test configuration, publishing into {@code directory/<root>}. */
    public static ReportsConfig configFor(TestPki pki, Path directory, String root) throws IOException {
        return pki.config(directory.resolve("pki"), directory.resolve(root))
                .withLargeValue(new LargeValueThresholds(ReportsConfig.LARGE_VALUE_THRESHOLD_MINOR_DEFAULT,
                        Map.of("USD", 10_000L)));
    }

    public PublishedReport report(String jurisdiction, ReportKind kind) {
        return published.stream().filter(r -> r.jurisdiction().equals(jurisdiction) && r.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " report of " + jurisdiction));
    }

    public JsonNode json(String jurisdiction, ReportKind kind) throws IOException {
        return json(report(jurisdiction, kind));
    }

    public static JsonNode json(PublishedReport report) throws IOException {
        return JSON.readTree(report.directory().resolve("report.json").toFile());
    }

    /** The rows of one table of the report's JSON. */
    public List<JsonNode> rows(String jurisdiction, ReportKind kind, String table) throws IOException {
        return rows(report(jurisdiction, kind), table);
    }

    public static List<JsonNode> rows(PublishedReport report, String table) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        json(report).get("tables").get(table).forEach(rows::add);
        return rows;
    }

    public String file(String jurisdiction, ReportKind kind, String name) throws IOException {
        return Files.readString(report(jurisdiction, kind).directory().resolve(name), StandardCharsets.UTF_8);
    }

    /** A row's field as text ("" for JSON null), for compact assertions. */
    public static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null) {
            throw new AssertionError("no field " + field + " in " + row);
        }
        return value.isNull() ? "" : value.isArray() ? value.toString() : value.asText();
    }

    /** Several fields of a row joined by '|'. */
    public static String fields(JsonNode row, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(text(row, name));
        }
        return String.join("|", values);
    }
}
