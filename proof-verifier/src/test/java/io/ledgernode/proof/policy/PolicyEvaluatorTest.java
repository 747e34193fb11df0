package io.ledgernode.proof.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.TransactionDecoder;
import io.ledgernode.proof.bundle.BundleReader;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.config.ConfigBlockReader;
import io.ledgernode.proof.msp.Identity;
import io.ledgernode.proof.msp.MspSet;
import java.io.InputStream;
import java.util.List;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real channel's policies over the real network's identities: roles by node OU, signature rules, and implicit
 * meta rules over orgs, as Fabric evaluates them.
 */
class PolicyEvaluatorTest {
    private static PolicyEvaluator policies;
    private static Identity org1Client;
    private static Identity org1Peer;
    private static Identity org2Peer;
    private static Identity orderer;

    @BeforeAll
    static void readTheRealChannel() throws Exception {
        ProofBundle bundle;
        try (InputStream in = PolicyEvaluatorTest.class.getResourceAsStream("/fixtures/mint.json")) {
            bundle = BundleReader.read(in.readAllBytes());
        }
        ChannelConfig config = ConfigBlockReader.read(bundle.configBlock());
        MspSet msps = config.msps();
        policies = config.policies();
        var tx = TransactionDecoder.decode(bundle.block().getData().getData(bundle.txIndex()));
        org1Client = msps.deserialize(tx.signatureHeader().getCreator());
        var endorsements = tx.chaincode().orElseThrow().endorsements();
        org1Peer = msps.deserialize(endorsements.get(0).getEndorser());
        org2Peer = msps.deserialize(endorsements.get(1).getEndorser());
        Metadata signatures = Metadata.parseFrom(bundle.block().getMetadata().getMetadata(0));
        ByteString ordererIdentity = SignatureHeader.parseFrom(signatures.getSignatures(0).getSignatureHeader()).getCreator();
        orderer = msps.deserialize(ordererIdentity);
    }

    @Test
    void the_channel_endorsement_policy_needs_a_peer_of_each_of_the_two_orgs() {
        assertThat(policies.evaluate("/Channel/Application/Endorsement", List.of(org1Peer, org2Peer)).satisfied()).isTrue();
        assertThat(policies.evaluate("/Channel/Application/Endorsement", List.of(org1Peer)).satisfied()).isFalse();
        assertThat(policies.evaluate("/Channel/Application/Endorsement", List.of(org1Peer, org1Client)).satisfied()).isFalse();
    }

    @Test
    void a_client_is_not_a_peer_and_a_peer_is_not_a_writer() {
        assertThat(policies.evaluate("/Channel/Application/Org1/Endorsement", List.of(org1Client)).satisfied()).isFalse();
        assertThat(policies.evaluate("/Channel/Application/Org1/Writers", List.of(org1Peer)).satisfied()).isFalse();
        assertThat(policies.evaluate("/Channel/Application/Org1/Writers", List.of(org1Client)).satisfied()).isTrue();
        assertThat(policies.evaluate("/Channel/Application/Org1/Readers", List.of(org1Peer)).satisfied()).isTrue();
    }

    @Test
    void nobody_here_is_an_admin() {
        assertThat(policies.evaluate("/Channel/Application/Admins", List.of(org1Client, org1Peer, org2Peer)).satisfied()).isFalse();
    }

    @Test
    void block_validation_is_any_orderer_org_writer() {
        Evaluation byOrderer = policies.evaluate("/Channel/Orderer/BlockValidation", List.of(orderer));

        assertThat(byOrderer.satisfied()).isTrue();
        assertThat(byOrderer.explanation()).contains("ANY Writers: 1 of 1 satisfied, by OrdererOrg");
        assertThat(policies.evaluate("/Channel/Orderer/BlockValidation", List.of(org1Peer, org2Peer)).satisfied()).isFalse();
    }

    @Test
    void the_channel_writers_policy_nests_implicit_meta_rules() {
        assertThat(policies.evaluate("/Channel/Writers", List.of(org2Peer)).satisfied()).isFalse();
        assertThat(policies.evaluate("/Channel/Writers", List.of(orderer)).satisfied()).isTrue();
        assertThat(policies.evaluate("/Channel/Writers", List.of(org1Client)).satisfied()).isTrue();
    }

    @Test
    void an_unknown_policy_is_never_satisfied() {
        Evaluation missing = policies.evaluate("/Channel/Application/NoSuchPolicy", List.of(org1Peer, org2Peer));

        assertThat(missing.satisfied()).isFalse();
        assertThat(missing.explanation()).contains("has no policy /Channel/Application/NoSuchPolicy");
    }
}
