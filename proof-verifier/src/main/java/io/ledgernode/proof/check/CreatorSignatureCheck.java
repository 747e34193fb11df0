package io.ledgernode.proof.check;

import io.ledgernode.blocks.DecodedTransaction;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.policy.SignatureSet;
import io.ledgernode.proof.policy.SignedData;
import java.util.List;
import java.util.Optional;

/** The envelope is signed over its payload by its creator, a valid identity of an MSP of the channel. */
final class CreatorSignatureCheck {
    private static final Check CHECK = Check.CREATOR_SIGNATURE;

    private CreatorSignatureCheck() {}

    static CheckResult run(Evidence evidence, Optional<ChannelConfig> trustedConfig) {
        return evidence.checkSignatures(CHECK, trustedConfig, CreatorSignatureCheck::check);
    }

    private static CheckResult check(DecodedTransaction tx, ChannelConfig trustedConfig) {
        if (tx.signatureHeader().getCreator().isEmpty()) {
            return CheckResult.notApplicable(CHECK, "the envelope names no creator (a channel's genesis configuration)");
        }
        SignatureSet set = SignatureSet.check(List.of(new SignedData("the envelope signature", tx.envelope().getPayload(),
                tx.signatureHeader().getCreator(), tx.envelope().getSignature())), trustedConfig.msps());
        if (!set.problems().isEmpty()) {
            return CheckResult.fail(CHECK, String.join("; ", set.problems()));
        }
        return CheckResult.pass(CHECK, "signed by its creator " + set.describeSigners() + ", a valid identity of its MSP");
    }
}
