package io.ledgernode.proof.check;

import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.trust.TrustAnchors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs every check of a readable bundle, in report order. */
public final class BundleChecks {
    private BundleChecks() {}

    public static Report run(ProofBundle bundle, TrustAnchors anchors) {
        Evidence evidence = Evidence.of(bundle);
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.pass(Check.BUNDLE, "version " + bundle.version() + ", transaction " + bundle.txId()
                + " in block " + Long.toUnsignedString(bundle.blockNumber()) + " of channel " + bundle.channel() + ", "
                + bundle.headers().size() + " header(s), " + bundle.attestations().size() + " attestation(s)"));
        Established<ChannelConfig> config = established(Check.CONFIG_BLOCK, () -> ConfigBlockCheck.run(evidence, anchors));
        results.add(config.result());
        results.add(guarded(Check.TX_IN_BLOCK, () -> TxInBlockCheck.run(evidence)));
        results.add(guarded(Check.DATA_HASH, () -> DataHashCheck.run(evidence)));
        results.add(guarded(Check.HEADER_CHAIN, () -> HeaderChainCheck.run(evidence, anchors, config.value())));
        results.add(guarded(Check.ORDERER_SIGNATURES, () -> OrdererSignaturesCheck.run(evidence, config.value())));
        results.add(guarded(Check.CREATOR_SIGNATURE, () -> CreatorSignatureCheck.run(evidence, config.value())));
        results.add(guarded(Check.ENDORSEMENTS, () -> EndorsementsCheck.run(evidence, config.value())));
        Established<AttestedFlags> attested = established(Check.VALIDITY_ATTESTATIONS,
                () -> AttestationsCheck.run(evidence, config.value(), anchors));
        results.add(attested.result());
        results.add(guarded(Check.OUTCOME, () -> OutcomeCheck.run(evidence, attested.value())));
        results.add(guarded(Check.EFFECTS, () -> EffectsCheck.run(evidence, attested.value())));
        return new Report(results);
    }

    /**
     * A bundle is hostile input: whatever a library throws on bytes crafted to confuse it, the check fails saying
     * so, and the other checks still report. Only runtime exceptions: errors (out of memory) are not verdicts.
     */
    private static CheckResult guarded(Check check, Supplier<CheckResult> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            return CheckResult.fail(check, "the bundle could not be evaluated: " + e);
        }
    }

    private static <T> Established<T> established(Check check, Supplier<Established<T>> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            return Established.failed(check, "the bundle could not be evaluated: " + e);
        }
    }

    /** The report of a file that is not a readable bundle: one failed check. */
    public static Report unreadable(String why) {
        return new Report(List.of(CheckResult.fail(Check.BUNDLE, why)));
    }
}
