/**
 * Regulator reports: what the reconciler and node-service call. {@link io.ledgernode.reports.ReportPublisher} reads
 * the mirror at a cut-off block and publishes every report of a UTC day per jurisdiction, signed and atomically;
 * {@link io.ledgernode.reports.ReportCatalog} lists what was published and resolves its files safely;
 * {@link io.ledgernode.reports.ReportsConfig} holds every setting with its default. The sub-packages hold the parts:
 * reading the mirror ({@code mirror}), each report kind ({@code daily}, {@code largevalue}, {@code balances},
 * {@code reconciliation}), the format-neutral table model and its renderers ({@code table}, {@code render}),
 * pseudonyms ({@code party}), signing ({@code sign}), publication ({@code publish}) and offline verification
 * ({@code verify}).
 */
package io.ledgernode.reports;
