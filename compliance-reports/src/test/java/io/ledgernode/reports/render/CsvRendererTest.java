package io.ledgernode.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.reports.table.Column;
import io.ledgernode.reports.table.Table;
import io.ledgernode.reports.table.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as RFC 4180 says: quote only what needs quoting, double the quotes, CRLF after every record. */
class CsvRendererTest {

    @Test
    void fields_with_commas_quotes_line_breaks_or_edge_spaces_are_quoted_and_the_rest_are_not() {
        assertThat(CsvRenderer.field("plain")).isEqualTo("plain");
        assertThat(CsvRenderer.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvRenderer.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvRenderer.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvRenderer.field(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvRenderer.field("")).isEmpty();
    }

    @Test
    void a_table_is_a_header_line_then_one_line_per_row_empty_for_null_and_lists_joined_by_spaces() {
        Table table = new Table("rows", "Rows", List.of(Column.text("name"), Column.number("n"),
                Column.text("ids")), List.of(List.of(Value.text("x,y"), Value.number(3), Value.texts(List.of("a", "b"))),
                        List.of(Value.empty(), Value.amount(10), Value.texts(List.of()))));

        assertThat(new String(CsvRenderer.render(table), StandardCharsets.UTF_8))
                .isEqualTo("name,n,ids\r\n\"x,y\",3,a b\r\n,10,\r\n");
    }
}
