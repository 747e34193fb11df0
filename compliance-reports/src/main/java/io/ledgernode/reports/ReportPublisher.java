package io.ledgernode.reports;

import io.ledgernode.reports.ReportException.Reason;
import io.ledgernode.reports.balances.BalancesReport;
import io.ledgernode.reports.daily.DailyTransactionsReport;
import io.ledgernode.reports.largevalue.LargeValueReport;
import io.ledgernode.reports.mirror.AccountState;
import io.ledgernode.reports.mirror.MirrorSnapshot;
import io.ledgernode.reports.mirror.Movement;
import io.ledgernode.reports.party.Pseudonyms;
import io.ledgernode.reports.publish.Manifest;
import io.ledgernode.reports.publish.ReportWriter;
import io.ledgernode.reports.reconciliation.ReconciliationReport;
import io.ledgernode.reports.reconciliation.ReconciliationResult;
import io.ledgernode.reports.render.RenderedReport;
import io.ledgernode.reports.sign.ManifestSigner;
import io.ledgernode.reports.sign.Pem;
import io.ledgernode.reports.table.Origin;
import io.ledgernode.reports.table.ReportDocument;
import io.ledgernode.reports.table.ReportHeader;
import io.ledgernode.reports.verify.Check;
import io.ledgernode.reports.verify.ReportVerifier;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Publishes the regulator reports: for a UTC day at a cut-off block, the daily transaction, large-value and balances
 * reports of every jurisdiction with accounts at the cut-off (and, if given, the reconciliation report); or only a
 * reconciliation run's reports. Reads the mirror through {@code mirror} (the read-only role {@code ledger_reader}
 * is enough), in one snapshot per call. Each report is published atomically and signed; one already published with
 * the same content is returned as it is, one published with different content fails the call
 * ({@link Reason#CONFLICT}).
 */
public final class ReportPublisher {

    private final ReportsConfig config;
    private final Origin origin;
    private final Pseudonyms pseudonyms;
    private final ReportCatalog catalog;
    private final ReportWriter writer;

    /** Loads the signing identity and pseudonym key, and checks the identity is certified by the configured CA. */
    public ReportPublisher(ReportsConfig config) throws ReportException {
        this(config, ReportWriter.BeforeSignature.NONE);
    }

    ReportPublisher(ReportsConfig config, ReportWriter.BeforeSignature beforeSignature) throws ReportException {
        this.config = Objects.requireNonNull(config, "config");
        this.origin = new Origin(config.nodeName(), config.org(), Generator.describe());
        this.catalog = new ReportCatalog(config.reportsRoot());
        try {
            this.pseudonyms = Pseudonyms.fromKeyFile(config.pseudonymKey(), config.pseudonymHexLength());
            ManifestSigner signer = ManifestSigner.load(config.signingCertificate(), config.signingKey());
            requireCertifiedByCa(signer);
            this.writer = new ReportWriter(signer, beforeSignature);
        } catch (IOException | GeneralSecurityException e) {
            throw new ReportException(Reason.SIGNING, "cannot sign reports: " + e.getMessage(), e);
        }
    }

    /** {@link #publishDay(DataSource, LocalDate, long, Optional)} without a reconciliation report. */
    public List<PublishedReport> publishDay(DataSource mirror, LocalDate day, long cutOffBlock)
            throws ReportException {
        return publishDay(mirror, day, cutOffBlock, Optional.empty());
    }

    /**
     * Publishes the daily transaction, large-value and balances reports of {@code day} at {@code cutOffBlock} for
     * every jurisdiction with an account open at the cut-off, then the reconciliation reports of
     * {@code reconciliation} if present. Choose a cut-off block at or after the day's last block: transactions of
     * the day in later blocks are not in the reports.
     *
     * @return the reports, by jurisdiction and kind, whether published now or already there
     */
    public List<PublishedReport> publishDay(DataSource mirror, LocalDate day, long cutOffBlock,
            Optional<ReconciliationResult> reconciliation) throws ReportException {
        List<ReportDocument> documents = new ArrayList<>();
        try (MirrorSnapshot snapshot = MirrorSnapshot.open(mirror, cutOffBlock, config.rowsMax())) {
            ReportContext context = new ReportContext(origin, snapshot.cutOff(), snapshot.assets(), pseudonyms);
            List<Movement> movements = snapshot.movements(day);
            List<AccountState> accounts = snapshot.accounts();
            Map<String, BigInteger> supplies = snapshot.supplies();
            SortedSet<String> jurisdictions = new TreeSet<>();
            accounts.forEach(state -> jurisdictions.add(state.account().jurisdiction()));
            for (String jurisdiction : jurisdictions) {
                documents.add(DailyTransactionsReport.build(context, day, jurisdiction, movements));
                documents.add(LargeValueReport.build(context, day, jurisdiction, movements, config.largeValue()));
                documents.add(BalancesReport.build(context, day, jurisdiction, accounts, supplies));
            }
        }
        List<PublishedReport> published = publish(documents);
        if (reconciliation.isPresent()) {
            published.addAll(publishReconciliation(mirror, reconciliation.get()));
        }
        return List.copyOf(published);
    }

    /**
     * Publishes a reconciliation run's report for every jurisdiction with an account open at the block the run is
     * consistent at, and every jurisdiction a break names, plus the consolidated report of every break
     * ({@link PublishedReport#ALL_JURISDICTIONS}, for auditors). Breaks without a jurisdiction are in every report.
     */
    public List<PublishedReport> publishReconciliation(DataSource mirror, ReconciliationResult result)
            throws ReportException {
        SortedSet<String> jurisdictions = new TreeSet<>();
        try (MirrorSnapshot snapshot = MirrorSnapshot.open(mirror, result.consistentAtBlock(), config.rowsMax())) {
            jurisdictions.addAll(snapshot.jurisdictions());
        }
        result.breaks().stream().map(ReconciliationResult.Break::jurisdiction).filter(Objects::nonNull)
                .forEach(jurisdictions::add);
        List<ReportDocument> documents = new ArrayList<>();
        documents.add(ReconciliationReport.build(origin, PublishedReport.ALL_JURISDICTIONS, result));
        for (String jurisdiction : jurisdictions) {
            documents.add(ReconciliationReport.build(origin, jurisdiction, result));
        }
        return List.copyOf(publish(documents));
    }

    private List<PublishedReport> publish(List<ReportDocument> documents) throws ReportException {
        List<PublishedReport> published = new ArrayList<>();
        for (ReportDocument document : documents) {
            published.add(publish(document));
        }
        return published;
    }

    private PublishedReport publish(ReportDocument document) throws ReportException {
        ReportHeader header = document.header();
        PublishedReport target = PublishedReport.at(config.reportsRoot(), header.jurisdiction(), header.kind(),
                header.period(), header.cutOffBlock());
        try {
            RenderedReport rendered = RenderedReport.of(document);
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, header.kind().directoryName(),
                    header.jurisdiction(), header.period(), header.nodeName(), header.org(), header.cutOffBlock(),
                    header.cutOffBlockHash(), header.generator(), Manifest.digests(rendered.files()),
                    rendered.rows(), previousManifestSha256(target));
            writer.publish(target.directory(), rendered.files(), manifest.toJson());
            return target;
        } catch (IOException e) {
            throw new ReportException(Reason.IO, "rendering " + target.directory() + " failed: " + e.getMessage(), e);
        }
    }

    private String previousManifestSha256(PublishedReport report) throws IOException {
        Optional<PublishedReport> previous = catalog.previous(report);
        if (previous.isEmpty()) {
            return null;
        }
        return Manifest.sha256Hex(Files.readAllBytes(previous.get().directory().resolve(Manifest.FILE)));
    }

    private void requireCertifiedByCa(ManifestSigner signer) throws IOException, GeneralSecurityException {
        byte[] probe = "ledger-node compliance-reports signing probe".getBytes(StandardCharsets.US_ASCII);
        List<Check> failures = new ReportVerifier(Pem.certificate(config.caCertificate()))
                .checkSignature(probe, signer.sign(probe)).stream().filter(check -> !check.passed()).toList();
        if (!failures.isEmpty()) {
            throw new GeneralSecurityException("the signing identity does not verify against the CA "
                    + config.caCertificate() + ": " + failures.get(0).line());
        }
    }
}
