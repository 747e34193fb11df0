/**
 * Renders a {@link io.ledgernode.reports.table.ReportDocument} to its files: one RFC 4180 CSV per table, one JSON
 * document, one PDF for people. Every renderer is deterministic: the same document gives the same bytes (fixed line
 * endings, fixed field order, no clock, the PDF's dates and /ID taken from the data, nothing compressed by a
 * platform library whose output could differ between machines).
 */
package io.ledgernode.reports.render;
