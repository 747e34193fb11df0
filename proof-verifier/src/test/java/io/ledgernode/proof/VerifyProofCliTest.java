package io.ledgernode.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's command: a line per check, exit 0 when all pass, 1 when any fails, 2 with one line on misuse. */
class VerifyProofCliTest {

    private record Run(int exit, List<String> out, List<String> err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyProof.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void a_sound_bundle_prints_a_pass_line_per_check_and_exits_0() {
        Run run = run(Fixtures.path("mint.json").toString(), "--roots", Fixtures.path("roots").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).hasSize(11).allMatch(line -> line.startsWith("PASS "));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void roots_may_be_given_as_several_files() {
        Path roots = Fixtures.path("roots");

        Run run = run(Fixtures.path("transfer.json").toString(), "--roots",
                roots.resolve("ca.orderer.ledger.local-cert.pem").toString(),
                roots.resolve("ca.org1.ledger.local-cert.pem").toString(),
                roots.resolve("ca.org2.ledger.local-cert.pem").toString());

        assertThat(run.exit()).isZero();
    }

    @Test
    void a_configuration_block_file_and_a_trusted_block_anchor_the_proof() throws Exception {
        var bundle = io.ledgernode.proof.bundle.BundleReader.read(Fixtures.bundle("hold"));
        var last = bundle.headers().get(bundle.headers().size() - 1);

        Run run = run(Fixtures.path("hold.json").toString(), "--config-block", Fixtures.path("config-block-0.pb").toString(),
                "--trusted-block", Long.toString(last.getNumber()), "--trusted-block-hash",
                io.ledgernode.proof.bundle.Hex.of(io.ledgernode.blocks.BlockHashes.headerHash(last).toByteArray()));

        assertThat(run.exit()).as(String.join("\n", run.out())).isZero();
    }

    @Test
    void a_failing_check_prints_its_fail_line_and_exits_1(@TempDir Path dir) throws Exception {
        Path altered = dir.resolve("altered.json");
        Files.writeString(altered, new String(Fixtures.bundle("mvcc-invalid"), StandardCharsets.UTF_8)
                .replace("\"validationCode\":\"MVCC_READ_CONFLICT\"", "\"validationCode\":\"VALID\""));

        Run run = run(altered.toString(), "--roots", Fixtures.path("roots").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).anyMatch(line -> line.startsWith("FAIL outcome: "));
    }

    @Test
    void an_unreadable_bundle_is_one_failed_bundle_check(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\":\"something else\"}");

        Run run = run(garbage.toString(), "--roots", Fixtures.path("roots").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).singleElement().asString().startsWith("FAIL bundle: ");
    }

    @Test
    void a_reformatted_bundle_is_refused_as_not_canonical(@TempDir Path dir) throws Exception {
        Path pretty = dir.resolve("pretty.json");
        Files.writeString(pretty, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(Mutations.parse(Fixtures.bundle("mint"))));

        Run run = run(pretty.toString(), "--roots", Fixtures.path("roots").toString());

        assertThat(run.out()).singleElement().asString().startsWith("FAIL bundle: bundle is not in canonical form");
    }

    @Test
    void misuse_is_one_line_and_exit_2() {
        Run nothing = run();
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).containsExactly(VerifyProof.USAGE_LINE);
        assertThat(nothing.out()).isEmpty();
        assertThat(run(Fixtures.path("mint.json").toString()).exit()).as("no trust given").isEqualTo(2);
        assertThat(run(Fixtures.path("mint.json").toString(), "--roots").err()).containsExactly(
                "verify-proof: --roots needs at least one file or directory");
        assertThat(run(Fixtures.path("mint.json").toString(), "--roots", "roots", "--trusted-block", "5").exit())
                .as("a trusted block needs its hash").isEqualTo(2);
        assertThat(run("/no/such/bundle.json", "--roots", Fixtures.path("roots").toString()).err()).singleElement()
                .asString().startsWith("verify-proof: cannot read /no/such/bundle.json");
        assertThat(run(Fixtures.path("mint.json").toString(), "--roots", Fixtures.path("roots").toString(),
                "--attestations-min", "0").exit()).isEqualTo(2);
        assertThat(run(Fixtures.path("mint.json").toString(), "--config-block", Fixtures.path("mint.json").toString()).err())
                .singleElement().asString().startsWith("verify-proof: cannot read --config-block");
    }

    @Test
    void an_untrusted_root_fails_without_misuse() {
        Run run = run(Fixtures.path("mint.json").toString(), "--roots",
                Fixtures.path("roots").resolve("ca.org1.ledger.local-cert.pem").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL config-block: MSP OrdererMSP's root CA CN=ca.orderer.ledger.local is not among "
                + "the trusted roots");
    }
}
