package io.ledgernode.reports.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Field;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.ReportHeader;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The whole report as one JSON document: the header fields, {@code parameters}, and {@code tables} (each an array of
 * objects keyed by column name). Fields come in a fixed order, indented with two spaces and {@code \n} whatever the
 * platform's line separator.
 */
public final class JsonRenderer {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRenderer() {
    }

    public static byte[] render(ReportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            header(json, document.header());
            json.writeObjectFieldStart("parameters");
            for (Field field : document.parameters()) {
                json.writeStringField(field.key(), field.value());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("tables");
            for (Table table : document.tables()) {
                table(json, table);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** A generator that writes canonical, human-readable JSON: two-space indents, LF line endings. */
    public static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        JsonGenerator json = FACTORY.createGenerator(out);
        json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
        return json;
    }

    private static void header(JsonGenerator json, ReportHeader header) throws IOException {
        json.writeStringField("kind", header.kind().directoryName());
        json.writeStringField("title", header.kind().title());
        json.writeStringField("node", header.nodeName());
        json.writeStringField("org", header.org());
        json.writeStringField("jurisdiction", header.jurisdiction());
        json.writeStringField("period", header.period());
        json.writeNumberField("cutOffBlock", header.cutOffBlock());
        json.writeStringField("cutOffBlockHash", header.cutOffBlockHash());
        json.writeStringField("asOf", header.asOf().toString());
        json.writeStringField("generator", header.generator());
    }

    private static void table(JsonGenerator json, Table table) throws IOException {
        json.writeArrayFieldStart(table.name());
        List<Column> columns = table.columns();
        for (List<Value> row : table.rows()) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                value(json, row.get(i));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void value(JsonGenerator json, Value value) throws IOException {
        switch (value) {
            case Value.Text text -> json.writeString(text.text());
            case Value.Number number -> json.writeNumber(number.value());
            case Value.Texts texts -> {
                json.writeStartArray();
                for (String text : texts.texts()) {
                    json.writeString(text);
                }
                json.writeEndArray();
            }
            case Value.Empty empty -> json.writeNull();
        }
    }
}
