package io.ledgernode.proof;

import static io.ledgernode.proof.Fixtures.failed;
import static io.ledgernode.proof.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ledgernode.proof.check.Check;
import io.ledgernode.proof.check.Report;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.junit.jupiter.api.Test;

/**
 * One byte altered in each part of a real bundle is rejected by the check responsible for that part. Protobuf parts
 * are altered inside a signature or a hash (so they still parse) and the bundle is written back canonically, so the
 * change reaches the checks rather than stopping at the reader.
 */
class MutationTest {
    private static final String MVCC = "mvcc-invalid";

    @Test
    void a_byte_of_the_transaction_envelope_fails_the_data_hash_and_its_creator_signature() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> flipEnvelopeSignature(block, 1)).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).containsExactlyInAnyOrder(Check.DATA_HASH, Check.CREATOR_SIGNATURE);
    }

    @Test
    void a_byte_of_another_transaction_in_the_block_fails_the_data_hash_alone() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> flipEnvelopeSignature(block, 0)).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).containsExactly(Check.DATA_HASH);
        assertThat(line(report, Check.DATA_HASH)).contains("over the block's 2 envelopes is");
    }

    @Test
    void a_byte_of_the_block_header_fails_the_orderer_signatures() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> block.toBuilder().setHeader(
                block.getHeader().toBuilder().setPreviousHash(flip(block.getHeader().getPreviousHash(), 7))).build()).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).contains(Check.ORDERER_SIGNATURES, Check.HEADER_CHAIN, Check.VALIDITY_ATTESTATIONS);
        assertThat(line(report, Check.ORDERER_SIGNATURES)).contains("the signature does not verify");
    }

    @Test
    void a_previous_hash_in_the_header_chain_after_the_block_fails_the_header_chain_alone() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        Mutations.flipHex(mutations.header(mutations.root().get("headers").size() - 1), "previousHash", 3);

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).containsExactly(Check.HEADER_CHAIN);
        assertThat(line(report, Check.HEADER_CHAIN)).contains("previous hash", "is not the hash of block");
    }

    @Test
    void a_previous_hash_between_the_configuration_block_and_the_block_also_unauthenticates_the_configuration() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        Mutations.flipHex(mutations.header(5), "previousHash", 0);

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).contains(Check.HEADER_CHAIN, Check.CONFIG_BLOCK);
        assertThat(line(report, Check.CONFIG_BLOCK)).contains("is not authenticated: block 5's previous hash");
    }

    @Test
    void a_byte_of_the_orderer_signature_fails_the_orderer_signatures_alone() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> withOrdererSignature(block,
                signature -> flip(signature, 20))).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).containsExactly(Check.ORDERER_SIGNATURES);
        assertThat(line(report, Check.ORDERER_SIGNATURES)).contains("orderer signature 0 by OrdererMSP");
    }

    @Test
    void the_malleable_high_s_twin_of_the_orderer_signature_is_refused_as_fabric_refuses_it() {
        BigInteger order = ECNamedCurveTable.getByName("secp256r1").getN();
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> withOrdererSignature(block, signature -> {
            ASN1Sequence rs = ASN1Sequence.getInstance(signature.toByteArray());
            BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
            return der(new DERSequence(new ASN1Integer[] {ASN1Integer.getInstance(rs.getObjectAt(0)),
                    new ASN1Integer(order.subtract(s))}));
        })).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).containsExactly(Check.ORDERER_SIGNATURES);
        assertThat(line(report, Check.ORDERER_SIGNATURES)).contains("above half the curve order");
    }

    @Test
    void a_byte_of_an_endorsement_signature_fails_the_endorsements_the_data_hash_and_the_creators_signature_over_it() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> {
            ByteString envelope = block.getData().getData(1);
            ByteString signature = endorsements(envelope).getAction().getEndorsements(1).getSignature();
            return withEnvelope(block, 1, Mutations.flipWithin(envelope, signature, 12));
        }).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).containsExactlyInAnyOrder(Check.ENDORSEMENTS, Check.DATA_HASH, Check.CREATOR_SIGNATURE);
        assertThat(line(report, Check.ENDORSEMENTS)).contains("endorsement 1 by Org2MSP CN=peer0.org2.ledger.local");
    }

    @Test
    void a_byte_of_the_configuration_block_fails_the_configuration_and_everything_that_needs_it() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).configBlock(config -> {
            ByteString envelope = config.getData().getData(0);
            ByteString org2Root = ByteString.copyFromUtf8("MIIC");
            return config.toBuilder().setData(config.getData().toBuilder().setData(0,
                    Mutations.flipWithin(envelope, org2Root, 2))).build();
        }).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(line(report, Check.CONFIG_BLOCK)).isEqualTo(
                "FAIL config-block: configuration block 0's data does not match its header's data hash");
        assertThat(failed(report)).contains(Check.ORDERER_SIGNATURES, Check.ENDORSEMENTS, Check.VALIDITY_ATTESTATIONS);
    }

    @Test
    void a_configuration_block_altered_with_its_header_is_no_longer_linked_to_the_block() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).configBlock(config -> config.toBuilder().setHeader(
                config.getHeader().toBuilder().setDataHash(flip(config.getHeader().getDataHash(), 1))).build()).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).contains(Check.CONFIG_BLOCK);
    }

    @Test
    void a_byte_of_an_attestation_signature_fails_the_validity_attestations() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        Mutations.flipBase64(mutations.attestation(1), "signature", 30);

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).containsExactlyInAnyOrder(Check.VALIDITY_ATTESTATIONS, Check.OUTCOME, Check.EFFECTS);
        assertThat(line(report, Check.VALIDITY_ATTESTATIONS)).contains("attestation 1 (Org2MSP): signature by Org2MSP");
    }

    @Test
    void attested_flags_altered_without_the_key_fail_the_validity_attestations() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        mutations.attestation(0).put("validationFlags", "0000");

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).contains(Check.VALIDITY_ATTESTATIONS);
        assertThat(line(report, Check.VALIDITY_ATTESTATIONS)).contains("attestation 0 (Org1MSP): signature by Org1MSP");
    }

    @Test
    void an_org_that_signs_other_flags_than_another_org_is_reported_as_disagreement() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        mutations.attestations().set(1, Mutations.parse(Fixtures.bytes("mvcc-invalid.org2-claims-all-valid.attestation.json")));

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(line(report, Check.VALIDITY_ATTESTATIONS)).startsWith("FAIL validity-attestations: member orgs disagree "
                + "about block 39: Org1MSP attests flags 000b").contains("Org2MSP attests flags 0000");
        assertThat(failed(report)).containsExactlyInAnyOrder(Check.VALIDITY_ATTESTATIONS, Check.OUTCOME, Check.EFFECTS);
    }

    @Test
    void the_blocks_own_validation_flags_altered_fail_the_validity_attestations() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> withMetadata(block,
                BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE, ByteString.copyFrom(new byte[] {0, 0}))).bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(failed(report)).containsExactlyInAnyOrder(Check.VALIDITY_ATTESTATIONS, Check.OUTCOME, Check.EFFECTS);
        assertThat(line(report, Check.VALIDITY_ATTESTATIONS)).contains("the block's own TRANSACTIONS_FILTER 0000 differs");
    }

    @Test
    void the_blocks_own_commit_hash_altered_fails_the_validity_attestations() {
        byte[] bundle = Mutations.of(Fixtures.bundle(MVCC)).block(block -> withMetadata(block,
                BlockMetadataIndex.COMMIT_HASH_VALUE, flip(block.getMetadata().getMetadata(BlockMetadataIndex.COMMIT_HASH_VALUE), 9)))
                .bytes();

        Report report = Fixtures.verify(bundle);

        assertThat(line(report, Check.VALIDITY_ATTESTATIONS)).contains("the block's own COMMIT_HASH");
    }

    @Test
    void claiming_valid_for_the_invalid_transaction_fails_the_outcome_and_the_effects() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        mutations.claim().put("validationCode", "VALID");
        ((com.fasterxml.jackson.databind.node.ObjectNode) mutations.claim().get("effects")).put("applied", true);

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).containsExactlyInAnyOrder(Check.OUTCOME, Check.EFFECTS);
        assertThat(line(report, Check.OUTCOME)).isEqualTo("FAIL outcome: the transaction is recorded INVALID "
                + "(MVCC_READ_CONFLICT), the bundle claims VALID");
    }

    @Test
    void a_claimed_amount_altered_fails_the_effects_alone() {
        Mutations mutations = Mutations.of(Fixtures.bundle("transfer"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) mutations.claim().get("effects").get("entries").get(1))
                .put("amount", "2501");

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).containsExactly(Check.EFFECTS);
        assertThat(line(report, Check.EFFECTS)).contains("the bundle claims [DEBIT 2500", "CREDIT 2501");
    }

    @Test
    void a_claimed_write_altered_fails_the_effects_alone() {
        Mutations mutations = Mutations.of(Fixtures.bundle("mint"));
        Mutations.flipBase64((com.fasterxml.jackson.databind.node.ObjectNode) mutations.claim().get("effects").get("writes")
                .get(0), "value", 0);

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).containsExactly(Check.EFFECTS);
    }

    @Test
    void another_index_in_the_block_names_another_transaction() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        ((com.fasterxml.jackson.databind.node.ObjectNode) mutations.root().get("block")).put("txIndex", 0);

        Report report = Fixtures.verify(mutations.bytes());

        assertThat(failed(report)).contains(Check.TX_IN_BLOCK);
        assertThat(line(report, Check.TX_IN_BLOCK)).contains("envelope 0 is transaction");
    }

    private static Block flipEnvelopeSignature(Block block, int index) {
        ByteString envelope = block.getData().getData(index);
        try {
            ByteString signature = Envelope.parseFrom(envelope).getSignature();
            return withEnvelope(block, index, Mutations.flipWithin(envelope, signature, signature.size() - 3));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Block withEnvelope(Block block, int index, ByteString envelope) {
        return block.toBuilder().setData(block.getData().toBuilder().setData(index, envelope)).build();
    }

    private static Block withMetadata(Block block, int slot, ByteString value) {
        return block.toBuilder().setMetadata(block.getMetadata().toBuilder().setMetadata(slot, value)).build();
    }

    private static Block withOrdererSignature(Block block, java.util.function.UnaryOperator<ByteString> change) {
        try {
            Metadata metadata = Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
            MetadataSignature signature = metadata.getSignatures(0);
            Metadata changed = metadata.toBuilder().setSignatures(0,
                    signature.toBuilder().setSignature(change.apply(signature.getSignature()))).build();
            return withMetadata(block, BlockMetadataIndex.SIGNATURES_VALUE, changed.toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChaincodeActionPayload endorsements(ByteString envelope) {
        try {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(envelope).getPayload());
            return ChaincodeActionPayload.parseFrom(Transaction.parseFrom(payload.getData()).getActions(0).getPayload());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteString flip(ByteString bytes, int index) {
        byte[] copy = bytes.toByteArray();
        copy[index] ^= 1;
        return ByteString.copyFrom(copy);
    }

    private static ByteString der(DERSequence sequence) {
        try {
            return ByteString.copyFrom(sequence.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
