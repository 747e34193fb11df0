package io.ledgernode.proof.bundle;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.BlockDataHashingStructure;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.CombinedPrincipal;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HashingAlgorithm;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.IdentifierHeader;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.MSPIdentityAnonymity;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.OrganizationUnit;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;

/**
 * Refuses protobuf fields the verifier does not know. protobuf-java keeps an unknown field and writes it back as it
 * read it, so re-encoding a message cannot reveal one: a field appended to a bundle's block would be bytes that no
 * check examines. So every message a bundle carries is walked, and with it every message the verifier decodes from
 * {@code bytes} fields inside them, and none may hold an unknown field:
 * <ul>
 *   <li>the block and the configuration block ({@code Block}, its header, data and metadata); every envelope of
 *       either ({@code Envelope}); the transaction's envelope and the configuration envelope whole: {@code Payload},
 *       its headers and the creator's identity, and for an endorser transaction the {@code Transaction} down to its
 *       endorsements, proposal, response, event and read-write sets ({@code KVRWSet}); for a configuration the
 *       {@code ConfigEnvelope} with every group, value and policy, and the values and policies the verifier reads
 *       (MSPs, hashing, orderers, signature and implicit-meta policies with their principals);</li>
 *   <li>the block's orderer signatures ({@code SIGNATURES} metadata, its {@code OrdererBlockMetadata}, each signature's
 *       header and signer), the old {@code LAST_CONFIG} slot and the {@code COMMIT_HASH} metadata;</li>
 *   <li>the end block's orderer signatures, as the block's.</li>
 * </ul>
 * Not walked, as the verifier never decodes them: the other envelopes' payloads (covered by the signed data hash), a
 * channel header's extension, a transaction action's header, the payload of the configuration's last update and the
 * bytes of the configuration values it does not read; nor a map entry's own fields (protobuf-java drops unknown ones
 * while parsing).
 * Bytes that do not parse as the message expected are left to the check that decodes them. Fields are walked in
 * field-number order, map values in key order; the first unknown field found is reported, by its path of field names.
 */
final class UnknownFields {
    /** The role of the transaction's block: its envelope at the bundle's index is read whole. */
    static String transactionBlock(int txIndex) {
        return "envelope " + txIndex;
    }

    /** The role of the configuration block: its envelope is read whole. */
    static final String CONFIG_BLOCK = "every envelope";
    /** The role of a {@code SIGNATURES} metadata: its value is an {@code OrdererBlockMetadata}. */
    static final String SIGNATURES = "SIGNATURES";

    private static final String NONE = "";
    private static final String WHOLE = "whole";
    private static final String LAST_CONFIG = "LAST_CONFIG";
    private static final int SIGNATURES_SLOT = 0;
    private static final int LAST_CONFIG_SLOT = 1;
    private static final int COMMIT_HASH_SLOT = 4;
    private static final int FABRIC_MSP_TYPE = 0;

    private UnknownFields() {}

    /**
     * Walks {@code message}, named {@code where}, in {@code role}: how its bytes fields are read (which envelopes of a
     * block whole, what a metadata value is); a map's values take their key as role, every other nested message its
     * parent's.
     */
    static void requireNone(Message message, String where, String role) throws BundleFormatException {
        Map<Integer, ?> unknown = message.getUnknownFields().asMap();
        if (!unknown.isEmpty()) {
            throw new BundleFormatException(where + " (" + message.getDescriptorForType().getFullName()
                    + ") has an unknown protobuf field " + unknown.keySet().iterator().next()
                    + ", which no check would examine");
        }
        List<FieldDescriptor> fields = new ArrayList<>(message.getDescriptorForType().getFields());
        fields.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
        for (FieldDescriptor field : fields) {
            String at = where + "." + field.getName();
            if (field.isMapField()) {
                mapValues(message, field, at);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (field.isRepeated()) {
                    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                        requireNone((Message) message.getRepeatedField(field, i), at + "[" + i + "]", role);
                    }
                } else if (message.hasField(field)) {
                    requireNone((Message) message.getField(field), at, role);
                }
            } else if (field.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING) {
                if (field.isRepeated()) {
                    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                        nested(message, field, i, (ByteString) message.getRepeatedField(field, i), at + "[" + i + "]", role);
                    }
                } else {
                    nested(message, field, -1, (ByteString) message.getField(field), at, role);
                }
            }
        }
    }

    /** A map's message values, in key order (all our maps have string keys). */
    private static void mapValues(Message message, FieldDescriptor field, String at) throws BundleFormatException {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        if (value.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return;
        }
        Map<String, Message> byKey = new TreeMap<>();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            byKey.put((String) entry.getField(key), (Message) entry.getField(value));
        }
        for (Map.Entry<String, Message> entry : byKey.entrySet()) {
            requireNone(entry.getValue(), at + "[" + entry.getKey() + "]", entry.getKey());
        }
    }

    /** A bytes field the verifier parses as a message: walked when it parses, left to the checks when it does not. */
    private static void nested(Message parent, FieldDescriptor field, int index, ByteString bytes, String at, String role)
            throws BundleFormatException {
        Parser<? extends Message> parser = parserOf(parent, field.getName(), index, role);
        if (parser == null) {
            return;
        }
        Message message = parse(parser, bytes);
        if (message != null) {
            requireNone(message, at, roleOf(parent, field.getName(), index, role));
        }
    }

    private static Message parse(Parser<? extends Message> parser, ByteString bytes) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    /** What the bytes of {@code field} are read as (null: not a message the verifier reads). */
    private static Parser<? extends Message> parserOf(Message parent, String field, int index, String role) {
        return switch (parent.getDescriptorForType().getFullName() + "." + field) {
            case "common.BlockData.data" -> Envelope.parser();
            case "common.BlockMetadata.metadata" -> index == SIGNATURES_SLOT || index == LAST_CONFIG_SLOT
                    || index == COMMIT_HASH_SLOT ? Metadata.parser() : null;
            case "common.Metadata.value" -> switch (role) {
                case SIGNATURES -> OrdererBlockMetadata.parser();
                case LAST_CONFIG -> LastConfig.parser();
                default -> null;
            };
            case "common.MetadataSignature.signature_header", "common.Header.signature_header" -> SignatureHeader.parser();
            case "common.MetadataSignature.identifier_header" -> IdentifierHeader.parser();
            case "common.SignatureHeader.creator", "protos.Endorsement.endorser" -> SerializedIdentity.parser();
            case "common.Envelope.payload" -> role.equals(WHOLE) ? Payload.parser() : null;
            case "common.Header.channel_header" -> ChannelHeader.parser();
            case "common.Payload.data" -> switch (headerType((Payload) parent)) {
                case HeaderType.ENDORSER_TRANSACTION_VALUE -> Transaction.parser();
                case HeaderType.CONFIG_VALUE -> ConfigEnvelope.parser();
                default -> null;
            };
            case "protos.TransactionAction.payload" -> ChaincodeActionPayload.parser();
            case "protos.ChaincodeActionPayload.chaincode_proposal_payload" -> ChaincodeProposalPayload.parser();
            case "protos.ChaincodeProposalPayload.input" -> ChaincodeInvocationSpec.parser();
            case "protos.ChaincodeEndorsedAction.proposal_response_payload" -> ProposalResponsePayload.parser();
            case "protos.ProposalResponsePayload.extension" -> ChaincodeAction.parser();
            case "protos.ChaincodeAction.results" -> TxReadWriteSet.parser();
            case "protos.ChaincodeAction.events" -> ChaincodeEvent.parser();
            case "rwset.NsReadWriteSet.rwset" -> KVRWSet.parser();
            case "common.ConfigValue.value" -> switch (role) {
                case "MSP" -> MSPConfig.parser();
                case "HashingAlgorithm" -> HashingAlgorithm.parser();
                case "BlockDataHashingStructure" -> BlockDataHashingStructure.parser();
                case "Orderers" -> Orderers.parser();
                default -> null;
            };
            case "msp.MSPConfig.config" -> ((MSPConfig) parent).getType() == FABRIC_MSP_TYPE ? FabricMSPConfig.parser() : null;
            case "common.Policy.value" -> switch (((Policy) parent).getType()) {
                case Policy.PolicyType.SIGNATURE_VALUE -> SignaturePolicyEnvelope.parser();
                case Policy.PolicyType.IMPLICIT_META_VALUE -> ImplicitMetaPolicy.parser();
                default -> null;
            };
            case "common.MSPPrincipal.principal" -> switch (((MSPPrincipal) parent).getPrincipalClassificationValue()) {
                case MSPPrincipal.Classification.ROLE_VALUE -> MSPRole.parser();
                case MSPPrincipal.Classification.ORGANIZATION_UNIT_VALUE -> OrganizationUnit.parser();
                case MSPPrincipal.Classification.IDENTITY_VALUE -> SerializedIdentity.parser();
                case MSPPrincipal.Classification.ANONYMITY_VALUE -> MSPIdentityAnonymity.parser();
                case MSPPrincipal.Classification.COMBINED_VALUE -> CombinedPrincipal.parser();
                default -> null;
            };
            default -> null;
        };
    }

    /** The role of the message parsed from {@code field}'s bytes. */
    private static String roleOf(Message parent, String field, int index, String role) {
        return switch (parent.getDescriptorForType().getFullName() + "." + field) {
            case "common.BlockData.data" -> role.equals(CONFIG_BLOCK) || role.equals(transactionBlock(index)) ? WHOLE : NONE;
            case "common.BlockMetadata.metadata" -> index == SIGNATURES_SLOT ? SIGNATURES
                    : index == LAST_CONFIG_SLOT ? LAST_CONFIG : NONE;
            // The transaction's payload and the configuration are read whole; nothing inside reads an envelope whole
            // again (a configuration's last update is not read).
            default -> NONE;
        };
    }

    /** The header type of a payload, as the verifier reads it (0, a MESSAGE, when its channel header does not parse). */
    private static int headerType(Payload payload) {
        ChannelHeader header = (ChannelHeader) parse(ChannelHeader.parser(), payload.getHeader().getChannelHeader());
        return header == null ? 0 : header.getType();
    }
}
