package io.ledgernode.proof;

import static io.ledgernode.proof.Fixtures.failed;
import static io.ledgernode.proof.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.TransactionDecoder;
import io.ledgernode.proof.bundle.BundleReader;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.check.Check;
import io.ledgernode.proof.check.Report;
import io.ledgernode.proof.msp.Certificates;
import io.ledgernode.proof.trust.TrustAnchors;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The bundles captured from a real network verify, each check passing, trusting only the orgs' root CAs. */
class RealBundlesTest {

    @ParameterizedTest
    @FieldSource("io.ledgernode.proof.Fixtures#BUNDLES")
    void every_check_passes_on_a_bundle_from_the_real_network(String name) {
        Report report = Fixtures.verify(Fixtures.bundle(name));

        assertThat(report.failures()).as(String.join("\n", report.lines())).isEmpty();
        assertThat(report.results()).extracting(r -> r.check()).containsExactly(Check.values());
    }

    @ParameterizedTest
    @FieldSource("io.ledgernode.proof.Fixtures#BUNDLES")
    void a_configuration_block_the_auditor_holds_is_trust_enough_without_root_files(String name) throws Exception {
        TrustAnchors anchors = TrustAnchors.ofRoots(List.of()).withConfigBlock(Fixtures.configBlock());

        Report report = new ProofVerifier(anchors).verify(Fixtures.bundle(name));

        assertThat(report.failures()).as(String.join("\n", report.lines())).isEmpty();
        assertThat(line(report, Check.CONFIG_BLOCK)).contains("identical to the configuration block you supplied");
    }

    @Test
    void the_mvcc_conflicted_transfer_is_proven_recorded_invalid_with_its_code() {
        Report report = Fixtures.verify(Fixtures.bundle("mvcc-invalid"));

        assertThat(report.passed()).isTrue();
        assertThat(line(report, Check.OUTCOME)).isEqualTo("PASS outcome: the transaction is recorded INVALID "
                + "(MVCC_READ_CONFLICT), as claimed: it is in the ledger but changed nothing");
        assertThat(line(report, Check.EFFECTS)).contains("not applied");
    }

    @Test
    void the_valid_transactions_say_what_they_did() {
        assertThat(line(Fixtures.verify(Fixtures.bundle("mint")), Check.EFFECTS)).contains("Money:mint -> MINTED [MINT 10000");
        assertThat(line(Fixtures.verify(Fixtures.bundle("transfer")), Check.EFFECTS)).contains("TRANSFERRED [DEBIT 2500",
                "CREDIT 2500");
        assertThat(line(Fixtures.verify(Fixtures.bundle("hold")), Check.EFFECTS)).contains("HOLD_PLACED [HOLD 1200");
    }

    @Test
    void the_header_chain_reaches_a_block_the_auditor_holds() throws Exception {
        ProofBundle bundle = BundleReader.read(Fixtures.bundle("mvcc-invalid"));
        BlockHeader last = bundle.headers().get(bundle.headers().size() - 1);

        Report report = new ProofVerifier(Fixtures.roots().withTrustedBlock(last.getNumber(), BlockHashes.headerHash(last)))
                .verify(bundle);

        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(line(report, Check.HEADER_CHAIN)).contains("to the trusted block " + last.getNumber());
    }

    @Test
    void a_trusted_block_with_another_hash_fails_the_header_chain() throws Exception {
        ProofBundle bundle = BundleReader.read(Fixtures.bundle("mint"));
        long last = bundle.headers().get(bundle.headers().size() - 1).getNumber();

        Report report = new ProofVerifier(Fixtures.roots().withTrustedBlock(last, ByteString.copyFrom(new byte[32])))
                .verify(bundle);

        assertThat(failed(report)).containsExactly(Check.HEADER_CHAIN);
    }

    @Test
    void a_trusted_block_beyond_the_carried_headers_fails_the_header_chain() throws Exception {
        ProofBundle bundle = BundleReader.read(Fixtures.bundle("mint"));

        Report report = new ProofVerifier(Fixtures.roots().withTrustedBlock(10_000, ByteString.copyFrom(new byte[32])))
                .verify(bundle);

        assertThat(line(report, Check.HEADER_CHAIN)).startsWith("FAIL header-chain: the trusted block 10000 is not among");
    }

    @Test
    void a_root_the_auditor_does_not_trust_fails_the_configuration_block_and_everything_built_on_it() {
        List<X509Certificate> withoutOrg2 = Fixtures.roots().roots().stream()
                .filter(root -> !Certificates.commonName(root).contains("org2")).toList();

        Report report = new ProofVerifier(TrustAnchors.ofRoots(withoutOrg2)).verify(Fixtures.bundle("transfer"));

        assertThat(line(report, Check.CONFIG_BLOCK)).isEqualTo(
                "FAIL config-block: MSP Org2MSP's root CA CN=ca.org2.ledger.local is not among the trusted roots");
        assertThat(failed(report)).contains(Check.ORDERER_SIGNATURES, Check.ENDORSEMENTS, Check.VALIDITY_ATTESTATIONS,
                Check.OUTCOME);
    }

    @Test
    void no_roots_at_all_is_no_trust() {
        Report report = new ProofVerifier(TrustAnchors.ofRoots(List.of())).verify(Fixtures.bundle("mint"));

        assertThat(line(report, Check.CONFIG_BLOCK)).isEqualTo("FAIL config-block: no trusted root certificates were given");
    }

    @Test
    void one_org_alone_is_not_enough_by_default_but_may_be_accepted_explicitly() {
        Mutations onlyOrg1 = Mutations.of(Fixtures.bundle("transfer"));
        onlyOrg1.attestations().remove(1);

        Report byDefault = Fixtures.verify(onlyOrg1.bytes());
        Report oneAccepted = new ProofVerifier(Fixtures.roots().withAttestationsMin(1)).verify(onlyOrg1.bytes());

        assertThat(line(byDefault, Check.VALIDITY_ATTESTATIONS)).isEqualTo("FAIL validity-attestations: only 1 member "
                + "org(s) (Org1MSP) attest block 41; at least 2 required");
        assertThat(oneAccepted.passed()).as(String.join("\n", oneAccepted.lines())).isTrue();
    }

    @Test
    void more_attestations_than_member_orgs_cannot_be_had() {
        Report report = new ProofVerifier(Fixtures.roots().withAttestationsMin(3)).verify(Fixtures.bundle("mint"));

        assertThat(line(report, Check.VALIDITY_ATTESTATIONS)).contains("at least 3 required");
        assertThat(failed(report)).containsExactlyInAnyOrder(Check.VALIDITY_ATTESTATIONS, Check.OUTCOME, Check.EFFECTS);
    }

    @Test
    void a_configuration_transaction_has_no_endorsements_and_no_effects_to_check() throws Exception {
        Block genesis = Fixtures.configBlock();
        String txId = TransactionDecoder.decode(genesis.getData().getData(0)).channelHeader().getTxId();
        Mutations mutations = Mutations.of(Fixtures.bundle("mint"));
        mutations.root().put("txId", txId);
        ObjectNode block = (ObjectNode) mutations.root().get("block");
        block.put("number", 0);
        block.put("protobuf", Base64.getEncoder().encodeToString(genesis.toByteArray()));
        mutations.claim().putNull("effects");

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(line(report, Check.ENDORSEMENTS)).isEqualTo("PASS endorsements: not applicable: a CONFIG transaction "
                + "carries no endorsements; the orderers' signatures are its authority");
        assertThat(line(report, Check.EFFECTS)).isEqualTo("PASS effects: not applicable: a CONFIG transaction has no "
                + "chaincode effects");
        assertThat(line(report, Check.TX_IN_BLOCK)).startsWith("PASS tx-in-block: transaction " + txId + " (CONFIG)");
        // The genesis block is signed by nobody and these attestations are of block 42: a proof of it fails there.
        assertThat(failed(report)).contains(Check.ORDERER_SIGNATURES, Check.VALIDITY_ATTESTATIONS);
    }

    @Test
    void the_default_minimum_is_a_majority_and_at_least_two() {
        assertThat(List.of(1, 2, 3, 4, 5, 7).stream().map(TrustAnchors::defaultAttestationsMin).toList())
                .containsExactly(1, 2, 2, 3, 3, 4);
    }
}
