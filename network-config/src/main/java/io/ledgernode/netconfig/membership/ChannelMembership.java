package io.ledgernode.netconfig.membership;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * The member orgs of a channel as its configuration holds them, and the one change {@code join-org} makes to it: one
 * more org in the Application group. Fabric keys each org's group by the org's name in configtx.yaml (its
 * {@code Name}, here the description's org name), which is also the name {@code configtxgen -printOrg} takes.
 */
public final class ChannelMembership {
    /** The channel group's sub-group that holds the member (application) orgs. */
    static final String APPLICATION = "Application";

    private ChannelMembership() {
    }

    /** A configuration, channel block or update could not be read as Fabric's messages of that kind. */
    public static final class UnreadableConfigException extends RuntimeException {
        UnreadableConfigException(String message) {
            super(message);
        }
    }

    /** The org is a member already: its definition must not be replaced by a join. */
    public static final class AlreadyMemberException extends RuntimeException {
        AlreadyMemberException(String message) {
            super(message);
        }
    }

    /** The channel configuration a config block (what {@code peer channel fetch config} writes) carries. */
    public static Config configOf(byte[] configBlock) {
        try {
            Block block = Block.parseFrom(configBlock);
            if (block.getData().getDataCount() != 1) {
                throw new UnreadableConfigException("a config block holds exactly one envelope; this one holds "
                        + block.getData().getDataCount());
            }
            Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (header.getType() != HeaderType.CONFIG_VALUE) {
                throw new UnreadableConfigException("block " + block.getHeader().getNumber() + " is not a config block (its "
                        + "transaction is of type " + header.getType() + ")");
            }
            return ConfigEnvelope.parseFrom(payload.getData()).getConfig();
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableConfigException("not a Fabric block: " + e.getMessage());
        }
    }

    /** The names of the channel's member orgs, sorted. */
    public static List<String> memberOrgs(Config config) {
        return application(config).getGroupsMap().keySet().stream().sorted().toList();
    }

    /**
     * The configuration with {@code org} added as a member org, defined by {@code definition} (what
     * {@code configtxgen -printOrg} prints: its MSP, policies and anchor peers).
     */
    public static Config withOrg(Config config, String org, ConfigGroup definition) {
        ConfigGroup application = application(config);
        if (application.containsGroups(org)) {
            throw new AlreadyMemberException(org + " is a member of the channel already");
        }
        ConfigGroup channel = config.getChannelGroup().toBuilder()
                .putGroups(APPLICATION, application.toBuilder().putGroups(org, definition).build())
                .build();
        return config.toBuilder().setChannelGroup(channel).build();
    }

    /**
     * The unsigned transaction that submits {@code update} to {@code channel}: what {@code peer channel signconfigtx}
     * adds each admin's signature to and {@code peer channel update} sends.
     */
    public static Envelope updateEnvelope(String channel, ConfigUpdate update) {
        if (!update.getChannelId().equals(channel)) {
            throw new UnreadableConfigException("the update is for channel '" + update.getChannelId() + "', not '" + channel + "'");
        }
        ChannelHeader header = ChannelHeader.newBuilder().setType(HeaderType.CONFIG_UPDATE_VALUE).setChannelId(channel).build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(header.toByteString()))
                .setData(ConfigUpdateEnvelope.newBuilder().setConfigUpdate(update.toByteString()).build().toByteString())
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    /**
     * The one org definition in {@code bytes}: a configuration that holds nothing but that org in its Application group.
     * configtxlator types an org's values (MSP, anchor peers) by where they sit in a channel's configuration, so
     * {@code configtxgen -printOrg}'s output is encoded as that, not as a bare {@code common.ConfigGroup}.
     */
    public static ConfigGroup orgDefinitionOf(byte[] bytes, String org) {
        Config config;
        try {
            config = Config.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableConfigException("not an org's definition (configtxgen -printOrg, encoded in a common.Config): "
                    + e.getMessage());
        }
        ConfigGroup group = config.getChannelGroup().getGroupsOrDefault(APPLICATION, ConfigGroup.getDefaultInstance())
                .getGroupsMap().get(org);
        if (group == null) {
            throw new UnreadableConfigException("the definition holds no org named " + org);
        }
        return group;
    }

    public static ConfigUpdate updateOf(byte[] bytes) {
        try {
            ConfigUpdate update = ConfigUpdate.parseFrom(bytes);
            if (update.getChannelId().isEmpty()) {
                throw new UnreadableConfigException("not a config update (configtxlator compute_update): it names no channel");
            }
            return update;
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableConfigException("not a config update (configtxlator compute_update): " + e.getMessage());
        }
    }

    private static ConfigGroup application(Config config) {
        ConfigGroup application = config.getChannelGroup().getGroupsMap().get(APPLICATION);
        if (application == null) {
            throw new UnreadableConfigException("the configuration has no Application group: it is the orderer system "
                    + "channel's, or not a channel's");
        }
        return application;
    }
}
