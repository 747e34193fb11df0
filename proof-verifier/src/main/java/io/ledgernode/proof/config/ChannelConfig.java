package io.ledgernode.proof.config;

import io.ledgernode.proof.msp.MspSet;
import io.ledgernode.proof.policy.PolicyEvaluator;
import io.ledgernode.proof.policy.PolicyGroup;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Consenter;

/**
 * A channel's configuration at one configuration block.
 *
 * @param applicationMspIds the member orgs ({@code /Channel/Application/*}): endorsers and attesters
 * @param consenters        the {@code Orderers} consenter mapping; empty for Raft channels
 */
public record ChannelConfig(String channelId, long blockNumber, PolicyGroup channel, MspSet msps,
                            Set<String> applicationMspIds, Set<String> ordererMspIds, List<Consenter> consenters) {
    public ChannelConfig {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(msps, "msps");
        applicationMspIds = Set.copyOf(applicationMspIds);
        ordererMspIds = Set.copyOf(ordererMspIds);
        consenters = List.copyOf(consenters);
    }

    public PolicyEvaluator policies() {
        return new PolicyEvaluator(channel, msps);
    }
}
