package io.ledgernode.proof.config;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.msp.InvalidMspException;
import io.ledgernode.proof.msp.Msp;
import io.ledgernode.proof.msp.MspReader;
import io.ledgernode.proof.msp.MspSet;
import io.ledgernode.proof.policy.PolicyDefinition;
import io.ledgernode.proof.policy.PolicyGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockDataHashingStructure;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Consenter;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HashingAlgorithm;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.Orderers;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/** Reads a configuration block ({@code Envelope → Payload(CONFIG) → ConfigEnvelope → Config}) into a {@link ChannelConfig}. */
public final class ConfigBlockReader {
    /** Deepest configuration group read: {@code /Channel/Application/Org1} is three levels. */
    static final int GROUP_DEPTH_MAX = 8;
    /** Fabric's flat block data hash: a hashing structure width of {@code MaxUint32}. */
    private static final int FLAT_HASH_WIDTH = -1;

    private ConfigBlockReader() {}

    public static ChannelConfig read(Block block) throws MalformedException {
        MalformedException.require(block.getData().getDataCount() == 1,
                "a configuration block holds exactly one envelope, this one " + block.getData().getDataCount());
        Envelope envelope = MalformedException.parse("configuration envelope", Envelope.parser(), block.getData().getData(0));
        Payload payload = MalformedException.parse("configuration payload", Payload.parser(), envelope.getPayload());
        ChannelHeader header = MalformedException.parse("channel header", ChannelHeader.parser(),
                payload.getHeader().getChannelHeader());
        MalformedException.require(header.getType() == HeaderType.CONFIG_VALUE,
                "block " + block.getHeader().getNumber() + " is not a configuration block (header type " + header.getType() + ")");
        ConfigEnvelope config = MalformedException.parse("configuration", ConfigEnvelope.parser(), payload.getData());
        ConfigGroup channel = config.getConfig().getChannelGroup();
        requireFlatSha256(channel);
        Set<String> applicationMsps = new HashSet<>();
        Set<String> ordererMsps = new HashSet<>();
        List<Msp> msps = new ArrayList<>();
        msps.addAll(orgMsps(channel, "Orderer", ordererMsps));
        msps.addAll(orgMsps(channel, "Application", applicationMsps));
        return new ChannelConfig(header.getChannelId(), block.getHeader().getNumber(), policyGroup("Channel", channel, 0),
                new MspSet(msps), applicationMsps, ordererMsps, consenters(channel));
    }

    private static void requireFlatSha256(ConfigGroup channel) throws MalformedException {
        ByteString algorithm = value(channel, "HashingAlgorithm");
        if (!algorithm.isEmpty()) {
            String name = MalformedException.parse("hashing algorithm", HashingAlgorithm.parser(), algorithm).getName();
            MalformedException.require(name.equals("SHA256"), "the channel hashes with " + name + ", not SHA256");
        }
        ByteString structure = value(channel, "BlockDataHashingStructure");
        if (!structure.isEmpty()) {
            int width = MalformedException.parse("block data hashing structure", BlockDataHashingStructure.parser(),
                    structure).getWidth();
            MalformedException.require(width == FLAT_HASH_WIDTH, "block data hashing width " + Integer.toUnsignedString(width)
                    + " is not Fabric's flat hash");
        }
    }

    private static ByteString value(ConfigGroup group, String key) {
        return group.getValuesMap().containsKey(key) ? group.getValuesMap().get(key).getValue() : ByteString.EMPTY;
    }

    private static List<Msp> orgMsps(ConfigGroup channel, String section, Set<String> ids) throws MalformedException {
        List<Msp> msps = new ArrayList<>();
        ConfigGroup group = channel.getGroupsMap().get(section);
        if (group == null) {
            return msps;
        }
        // Org by org in name order, so messages about them come out the same on every run.
        for (var org : new java.util.TreeMap<>(group.getGroupsMap()).entrySet()) {
            ByteString mspValue = value(org.getValue(), "MSP");
            MalformedException.require(!mspValue.isEmpty(), section + " org " + org.getKey() + " has no MSP");
            try {
                Msp msp = MspReader.read(MalformedException.parse("MSP of " + org.getKey(), MSPConfig.parser(), mspValue));
                msps.add(msp);
                ids.add(msp.id());
            } catch (InvalidMspException e) {
                throw new MalformedException(section + " org " + org.getKey() + ": " + e.getMessage());
            }
        }
        return msps;
    }

    private static PolicyGroup policyGroup(String name, ConfigGroup group, int depth) throws MalformedException {
        MalformedException.require(depth <= GROUP_DEPTH_MAX, "configuration groups nest deeper than " + GROUP_DEPTH_MAX);
        Map<String, PolicyDefinition> policies = new HashMap<>();
        for (Map.Entry<String, ConfigPolicy> entry : group.getPoliciesMap().entrySet()) {
            policies.put(entry.getKey(), definition(entry.getKey(), entry.getValue().getPolicy()));
        }
        Map<String, PolicyGroup> groups = new HashMap<>();
        for (Map.Entry<String, ConfigGroup> entry : group.getGroupsMap().entrySet()) {
            groups.put(entry.getKey(), policyGroup(entry.getKey(), entry.getValue(), depth + 1));
        }
        return new PolicyGroup(name, policies, groups);
    }

    private static PolicyDefinition definition(String name, Policy policy) throws MalformedException {
        return switch (policy.getType()) {
            case Policy.PolicyType.SIGNATURE_VALUE -> new PolicyDefinition.Signature(
                    MalformedException.parse("signature policy " + name, SignaturePolicyEnvelope.parser(), policy.getValue()));
            case Policy.PolicyType.IMPLICIT_META_VALUE -> {
                ImplicitMetaPolicy meta = MalformedException.parse("implicit meta policy " + name,
                        ImplicitMetaPolicy.parser(), policy.getValue());
                yield new PolicyDefinition.ImplicitMeta(meta.getSubPolicy(), meta.getRule());
            }
            default -> new PolicyDefinition.Unsupported(policy.getType());
        };
    }

    /** BFT channels name their consenters in the {@code Orderers} value (of the Orderer group, or of the channel). */
    private static List<Consenter> consenters(ConfigGroup channel) throws MalformedException {
        ConfigGroup orderer = channel.getGroupsMap().get("Orderer");
        ByteString value = orderer == null ? ByteString.EMPTY : value(orderer, "Orderers");
        if (value.isEmpty()) {
            value = value(channel, "Orderers");
        }
        return value.isEmpty() ? List.of()
                : MalformedException.parse("orderers", Orderers.parser(), value).getConsenterMappingList();
    }
}
