package io.ledgernode.netconfig.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.junit.jupiter.api.Test;

class ChannelMembershipTest {

    private static ConfigGroup org(String msp) {
        return ConfigGroup.newBuilder().setModPolicy("Admins")
                .putValues("MSP", ConfigValue.newBuilder().setValue(ByteString.copyFromUtf8(msp)).build()).build();
    }

    private static Config config(String... orgs) {
        ConfigGroup.Builder application = ConfigGroup.newBuilder().setModPolicy("Admins");
        for (String name : orgs) {
            application.putGroups(name, org(name + "MSP"));
        }
        ConfigGroup channel = ConfigGroup.newBuilder()
                .putGroups("Orderer", ConfigGroup.newBuilder().putGroups("OrdererOrg", org("OrdererMSP")).build())
                .putGroups("Application", application.build())
                .build();
        return Config.newBuilder().setSequence(3).setChannelGroup(channel).build();
    }

    private static byte[] block(long number, HeaderType type, Config config) {
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(
                        ChannelHeader.newBuilder().setType(type.getNumber()).setChannelId("ledger").build().toByteString()))
                .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
                .build();
        Envelope envelope = Envelope.newBuilder().setPayload(payload.toByteString()).build();
        return Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(number))
                .setData(BlockData.newBuilder().addData(envelope.toByteString())).build().toByteArray();
    }

    @Test
    void a_config_block_gives_its_member_orgs_and_not_the_ordering_orgs() {
        Config config = ChannelMembership.configOf(block(4, HeaderType.CONFIG, config("Org2", "Org1")));

        assertThat(ChannelMembership.memberOrgs(config)).containsExactly("Org1", "Org2");
    }

    @Test
    void a_joining_org_is_added_beside_the_members_and_nothing_else_changes() {
        Config before = config("Org1", "Org2");

        Config after = ChannelMembership.withOrg(before, "Org3", org("Org3MSP"));

        assertThat(ChannelMembership.memberOrgs(after)).containsExactly("Org1", "Org2", "Org3");
        assertThat(after.getChannelGroup().getGroupsMap().get("Application").getGroupsMap().get("Org3")).isEqualTo(org("Org3MSP"));
        // The rest as it was: compute_update's difference is the new org alone.
        assertThat(after.getChannelGroup().getGroupsMap().get("Orderer")).isEqualTo(before.getChannelGroup().getGroupsMap().get("Orderer"));
        assertThat(after.getSequence()).isEqualTo(before.getSequence());
        assertThat(after.toBuilder().setChannelGroup(after.getChannelGroup().toBuilder().putGroups("Application",
                after.getChannelGroup().getGroupsMap().get("Application").toBuilder().removeGroups("Org3").build())).build())
                .isEqualTo(before);
    }

    @Test
    void an_org_that_is_a_member_already_is_not_redefined() {
        assertThatThrownBy(() -> ChannelMembership.withOrg(config("Org1", "Org2"), "Org2", org("Other")))
                .isInstanceOf(ChannelMembership.AlreadyMemberException.class)
                .hasMessage("Org2 is a member of the channel already");
    }

    @Test
    void a_block_that_is_not_a_config_block_is_refused_by_its_number() {
        assertThatThrownBy(() -> ChannelMembership.configOf(block(9, HeaderType.ENDORSER_TRANSACTION, config("Org1"))))
                .isInstanceOf(ChannelMembership.UnreadableConfigException.class)
                .hasMessageContaining("block 9 is not a config block");
        assertThatThrownBy(() -> ChannelMembership.configOf(new byte[] {(byte) 0xff, 0x01, 0x02}))
                .isInstanceOf(ChannelMembership.UnreadableConfigException.class)
                .hasMessageStartingWith("not a Fabric block");
    }

    @Test
    void the_update_envelope_carries_the_update_to_its_channel_unsigned() throws Exception {
        ConfigUpdate update = ConfigUpdate.newBuilder().setChannelId("ledger")
                .setWriteSet(ConfigGroup.newBuilder().setVersion(1)).build();

        Envelope envelope = ChannelMembership.updateEnvelope("ledger", update);

        Payload payload = Payload.parseFrom(envelope.getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        assertThat(header.getType()).isEqualTo(HeaderType.CONFIG_UPDATE_VALUE);
        assertThat(header.getChannelId()).isEqualTo("ledger");
        ConfigUpdateEnvelope carried = ConfigUpdateEnvelope.parseFrom(payload.getData());
        assertThat(ConfigUpdate.parseFrom(carried.getConfigUpdate())).isEqualTo(update);
        assertThat(carried.getSignaturesList()).isEmpty();
        assertThat(envelope.getSignature()).isEmpty();
    }

    @Test
    void an_org_definition_is_read_from_where_it_sits_in_a_configuration() {
        Config definition = config("Org3");

        assertThat(ChannelMembership.orgDefinitionOf(definition.toByteArray(), "Org3")).isEqualTo(org("Org3MSP"));
        assertThatThrownBy(() -> ChannelMembership.orgDefinitionOf(definition.toByteArray(), "Org4"))
                .hasMessage("the definition holds no org named Org4");
    }

    @Test
    void an_update_for_another_channel_is_refused() {
        ConfigUpdate update = ChannelMembership.updateOf(ConfigUpdate.newBuilder().setChannelId("other").build().toByteArray());

        assertThatThrownBy(() -> ChannelMembership.updateEnvelope("ledger", update))
                .hasMessage("the update is for channel 'other', not 'ledger'");
    }
}
