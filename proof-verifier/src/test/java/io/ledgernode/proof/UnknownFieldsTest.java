package io.ledgernode.proof;

import static io.ledgernode.proof.Fixtures.failed;
import static io.ledgernode.proof.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.ledgernode.proof.check.Check;
import io.ledgernode.proof.check.Report;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.junit.jupiter.api.Test;

/**
 * protobuf-java keeps a field it does not know and writes it back as it was, so re-encoding a bundle's protobuf
 * cannot reveal one: bytes appended to a block as an unknown field would pass every check. The reader refuses an
 * unknown field in any message a bundle carries or the verifier decodes, naming where it is.
 */
class UnknownFieldsTest {
    private static final String MVCC = "mvcc-invalid";
    /** Field 99, varint 1: what protobuf-java writes after a message's known fields. */
    private static final UnknownFieldSet FIELD_99 = UnknownFieldSet.newBuilder()
            .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build();
    private static final String UNKNOWN = " has an unknown protobuf field 99, which no check would examine";
    private static final String TX_PAYLOAD = "bundle.block.data.data[1].payload";

    @Test
    void an_unknown_field_appended_to_the_block_makes_the_bundle_unreadable() {
        Report report = verify(Mutations.of(Fixtures.bundle(MVCC)).block(UnknownFieldsTest::withUnknown));

        assertThat(report.lines()).containsExactly("FAIL bundle: bundle.block (common.Block)" + UNKNOWN);
    }

    @Test
    void an_unknown_field_appended_to_the_block_header_data_or_metadata_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block -> block.toBuilder()
                .setHeader(withUnknown(block.getHeader())).build()), "bundle.block.header (common.BlockHeader)");
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block -> block.toBuilder()
                .setData(withUnknown(block.getData())).build()), "bundle.block.data (common.BlockData)");
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block -> block.toBuilder()
                .setMetadata(withUnknown(block.getMetadata())).build()), "bundle.block.metadata (common.BlockMetadata)");
    }

    @Test
    void an_unknown_field_appended_to_the_transactions_envelope_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block ->
                withEnvelope(block, 1, withUnknown(envelope(block, 1)))), "bundle.block.data.data[1] (common.Envelope)");
    }

    @Test
    void an_unknown_field_appended_to_another_envelope_of_the_block_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block ->
                withEnvelope(block, 0, withUnknown(envelope(block, 0)))), "bundle.block.data.data[0] (common.Envelope)");
    }

    @Test
    void an_unknown_field_in_the_transactions_channel_header_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block -> withPayload(block, 1, payload -> {
            var header = payload.getHeader();
            return payload.toBuilder().setHeader(header.toBuilder().setChannelHeader(
                    header.getChannelHeader().concat(FIELD_99.toByteString()))).build();
        })), TX_PAYLOAD + ".header.channel_header (common.ChannelHeader)");
    }

    @Test
    void an_unknown_field_deep_in_the_transactions_chaincode_event_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block -> withPayload(block, 1, payload -> {
            Transaction transaction = parse(Transaction.parser(), payload.getData());
            ChaincodeActionPayload actionPayload = parse(ChaincodeActionPayload.parser(),
                    transaction.getActions(0).getPayload());
            ProposalResponsePayload response = parse(ProposalResponsePayload.parser(),
                    actionPayload.getAction().getProposalResponsePayload());
            ChaincodeAction action = parse(ChaincodeAction.parser(), response.getExtension());
            ChaincodeEvent event = withUnknown(parse(ChaincodeEvent.parser(), action.getEvents()));
            response = response.toBuilder().setExtension(action.toBuilder().setEvents(event.toByteString()).build()
                    .toByteString()).build();
            actionPayload = actionPayload.toBuilder().setAction(actionPayload.getAction().toBuilder()
                    .setProposalResponsePayload(response.toByteString())).build();
            transaction = transaction.toBuilder().setActions(0, transaction.getActions(0).toBuilder()
                    .setPayload(actionPayload.toByteString())).build();
            return payload.toBuilder().setData(transaction.toByteString()).build();
        })), TX_PAYLOAD + ".data.actions[0].payload.action.proposal_response_payload.extension.events (protos.ChaincodeEvent)");
    }

    @Test
    void an_unknown_field_inside_another_transactions_payload_is_left_to_the_data_hash() {
        // The verifier never decodes the other envelopes: their bytes count only for the block's signed data hash.
        Report report = verify(Mutations.of(Fixtures.bundle(MVCC))
                .block(block -> withPayload(block, 0, UnknownFieldsTest::withUnknown)));

        assertThat(failed(report)).containsExactly(Check.DATA_HASH);
    }

    @Test
    void an_unknown_field_in_the_blocks_orderer_signatures_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).block(block -> {
            Metadata signatures = parse(Metadata.parser(),
                    block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
            Metadata changed = signatures.toBuilder().setSignatures(0, withUnknown(signatures.getSignatures(0))).build();
            return block.toBuilder().setMetadata(block.getMetadata().toBuilder()
                    .setMetadata(BlockMetadataIndex.SIGNATURES_VALUE, changed.toByteString())).build();
        }), "bundle.block.metadata.metadata[0].signatures[0] (common.MetadataSignature)");
    }

    @Test
    void an_unknown_field_appended_to_the_end_block_signatures_makes_the_bundle_unreadable() {
        Mutations mutations = Mutations.of(Fixtures.bundle(MVCC));
        withEndBlockSignatures(mutations, UnknownFieldsTest::withUnknown);

        assertUnreadable(mutations, "bundle.endBlockSignatures (common.Metadata)");
    }

    @Test
    void an_unknown_field_in_an_end_block_signature_or_its_signed_value_makes_the_bundle_unreadable() {
        Mutations signature = Mutations.of(Fixtures.bundle(MVCC));
        withEndBlockSignatures(signature, metadata -> metadata.toBuilder()
                .setSignatures(0, withUnknown(metadata.getSignatures(0))).build());
        Mutations value = Mutations.of(Fixtures.bundle(MVCC));
        withEndBlockSignatures(value, metadata -> metadata.toBuilder()
                .setValue(metadata.getValue().concat(FIELD_99.toByteString())).build());

        assertUnreadable(signature, "bundle.endBlockSignatures.signatures[0] (common.MetadataSignature)");
        assertUnreadable(value, "bundle.endBlockSignatures.value (common.OrdererBlockMetadata)");
    }

    @Test
    void an_unknown_field_appended_to_the_configuration_block_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).configBlock(UnknownFieldsTest::withUnknown),
                "bundle.configBlock (common.Block)");
    }

    @Test
    void an_unknown_field_in_an_org_msp_of_the_configuration_makes_the_bundle_unreadable() {
        assertUnreadable(Mutations.of(Fixtures.bundle(MVCC)).configBlock(config -> withPayload(config, 0, payload -> {
            ConfigEnvelope envelope = parse(ConfigEnvelope.parser(), payload.getData());
            ConfigGroup channel = envelope.getConfig().getChannelGroup();
            ConfigGroup application = channel.getGroupsOrThrow("Application");
            ConfigGroup org = application.getGroupsOrThrow("Org2");
            ConfigValue value = org.getValuesOrThrow("MSP");
            MSPConfig msp = parse(MSPConfig.parser(), value.getValue());
            FabricMSPConfig fabric = withUnknown(parse(FabricMSPConfig.parser(), msp.getConfig()));
            value = value.toBuilder().setValue(msp.toBuilder().setConfig(fabric.toByteString()).build().toByteString()).build();
            org = org.toBuilder().putValues("MSP", value).build();
            application = application.toBuilder().putGroups("Org2", org).build();
            channel = channel.toBuilder().putGroups("Application", application).build();
            envelope = envelope.toBuilder().setConfig(envelope.getConfig().toBuilder().setChannelGroup(channel)).build();
            return payload.toBuilder().setData(envelope.toByteString()).build();
        })), "bundle.configBlock.data.data[0].payload.data.config.channel_group.groups[Application].groups[Org2]"
                + ".values[MSP].value.config (msp.FabricMSPConfig)");
    }

    private static void assertUnreadable(Mutations mutations, String where) {
        Report report = verify(mutations);

        assertThat(failed(report)).containsExactly(Check.BUNDLE);
        assertThat(line(report, Check.BUNDLE)).isEqualTo("FAIL bundle: " + where + UNKNOWN);
    }

    private static Report verify(Mutations mutations) {
        return Fixtures.verify(mutations.bytes());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> T withUnknown(T message) {
        return (T) message.toBuilder().setUnknownFields(FIELD_99).build();
    }

    private static Envelope envelope(Block block, int index) {
        return parse(Envelope.parser(), block.getData().getData(index));
    }

    private static Block withEnvelope(Block block, int index, Envelope envelope) {
        return block.toBuilder().setData(block.getData().toBuilder().setData(index, envelope.toByteString())).build();
    }

    private static Block withPayload(Block block, int index, UnaryOperator<Payload> change) {
        Envelope envelope = envelope(block, index);
        Payload payload = change.apply(parse(Payload.parser(), envelope.getPayload()));
        return withEnvelope(block, index, envelope.toBuilder().setPayload(payload.toByteString()).build());
    }

    private static void withEndBlockSignatures(Mutations mutations, UnaryOperator<Metadata> change) {
        Base64.Encoder base64 = Base64.getEncoder();
        Metadata metadata = parse(Metadata.parser(),
                ByteString.copyFrom(Base64.getDecoder().decode(mutations.root().get("endBlockSignatures").textValue())));
        mutations.root().put("endBlockSignatures", base64.encodeToString(change.apply(metadata).toByteArray()));
    }

    private static <T> T parse(com.google.protobuf.Parser<T> parser, ByteString bytes) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
