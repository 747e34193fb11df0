/**
 * The format-neutral model of a report: a header (who, which jurisdiction, which period, which cut-off block),
 * parameters, and named tables of typed values. Each kind builds one {@link io.ledgernode.reports.table.ReportDocument};
 * the renderers turn the same document into CSV, JSON and PDF, so the three formats cannot drift apart.
 */
package io.ledgernode.reports.table;
