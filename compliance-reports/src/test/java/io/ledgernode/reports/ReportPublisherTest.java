package io.ledgernode.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.reports.testing.SeededDay;
import io.ledgernode.reports.testing.TestPki;
import io.ledgernode.reports.verify.ReportVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher refuses, before writing anything, an identity whose reports could not be verified; one found in a Fabric
 * MSP directory signs reports that verify.
 */
class ReportPublisherTest {

    @TempDir
    Path directory;

    @Test
    void a_signing_identity_not_certified_by_the_configured_ca_is_refused_at_start() throws Exception {
        TestPki pki = TestPki.create();
        ReportsConfig config = pki.config(directory.resolve("pki"), directory.resolve("reports"));
        TestPki.writeCertificate(config.signingCertificate(), pki.otherCaSigner.certificate());
        TestPki.writeKey(config.signingKey(), pki.otherCaSigner.key());

        assertThatThrownBy(() -> new ReportPublisher(config)).isInstanceOfSatisfying(ReportException.class,
                e -> assertThat(e.reason()).isEqualTo(ReportException.Reason.SIGNING))
                .hasMessageContaining("certificate chain");
        assertThat(directory.resolve("reports")).doesNotExist();
    }

    @Test
    void the_signing_files_are_found_in_a_fabric_msp_directory() throws Exception {
        TestPki pki = TestPki.create();
        Path msp = directory.resolve("msp");
        Files.createDirectories(msp.resolve("signcerts"));
        Files.createDirectories(msp.resolve("keystore"));
        Files.createDirectories(msp.resolve("cacerts"));
        TestPki.writeCertificate(msp.resolve("signcerts/User1@org1.ledger.local-cert.pem"), pki.signer.certificate());
        TestPki.writeKey(msp.resolve("keystore/priv_sk"), pki.signer.key());
        TestPki.writeCertificate(msp.resolve("cacerts/ca.org1.ledger.local-cert.pem"), pki.ca.certificate());
        Path pseudonymKey = Files.writeString(directory.resolve("pseudonym.key"), "k".repeat(32));

        ReportsConfig config = ReportsConfig.fromMsp(directory.resolve("reports"), "node0", "Org1MSP", msp,
                pseudonymKey);

        assertThat(config.signingCertificate().getFileName().toString()).isEqualTo("User1@org1.ledger.local-cert.pem");
        assertThat(config.rowsMax()).isEqualTo(ReportsConfig.ROWS_MAX_DEFAULT);
        // The identity found in the MSP directory signs what is published, and the reports verify against its CA.
        List<PublishedReport> published = new ReportPublisher(config).publishDay(SeededDay.mirror().reader(),
                SeededDay.DAY, SeededDay.CUT_OFF);
        assertThat(published).isNotEmpty();
        for (PublishedReport report : published) {
            assertThat(new ReportVerifier(pki.ca.certificate()).verify(report.directory()).failures())
                    .as(report.directory().toString()).isEmpty();
        }
    }
}
