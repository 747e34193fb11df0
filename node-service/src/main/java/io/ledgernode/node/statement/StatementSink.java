package io.ledgernode.node.statement;

import java.io.IOException;

/**
 * Where a statement is written as it is read: its head, each line in chain order, then its tail. A sink writes to the
 * response as it goes (a PDF into a file-backed cache, saved at the tail), never the whole period in memory.
 */
sealed interface StatementSink permits JsonStatement, CsvStatement, PdfStatement {

    void head(StatementHead head) throws IOException;

    void line(StatementLine line) throws IOException;

    /** Writes the tail and finishes the document; the sink flushes but does not close the response's stream. */
    void tail(StatementTail tail) throws IOException;
}
