package io.ledgernode.proof.check;

import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.config.ChannelConfig;
import java.util.Optional;

/** The transaction's block header is signed by the ordering service as its block validation policy demands. */
final class OrdererSignaturesCheck {
    private static final Check CHECK = Check.ORDERER_SIGNATURES;

    private OrdererSignaturesCheck() {}

    static CheckResult run(Evidence evidence, Optional<ChannelConfig> trustedConfig) {
        if (trustedConfig.isEmpty()) {
            return CheckResult.fail(CHECK, "not checked: no authenticated channel configuration");
        }
        try {
            OrdererSignatures.Verified verified = OrdererSignatures.verify(evidence.bundle().block().getHeader(),
                    BlockMetadataSlots.signatures(evidence.bundle().block()), trustedConfig.get());
            return CheckResult.pass(CHECK, verified.count() + " signature(s) on block "
                    + Long.toUnsignedString(evidence.blockNumber()) + " by " + verified.signers() + "; " + verified.policy());
        } catch (MalformedException e) {
            return CheckResult.fail(CHECK, e.getMessage());
        }
    }
}
