package io.ledgernode.proof.policy;

import java.util.Objects;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/** One named policy of a configuration group, as Fabric's {@code Policy.type} says. */
public sealed interface PolicyDefinition {

    /** {@code SIGNATURE}: a rule over the principals of the envelope. */
    record Signature(SignaturePolicyEnvelope envelope) implements PolicyDefinition {
        public Signature {
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /** {@code IMPLICIT_META}: a rule over the same-named policy of every sub-group. */
    record ImplicitMeta(String subPolicy, ImplicitMetaPolicy.Rule rule) implements PolicyDefinition {
        public ImplicitMeta {
            Objects.requireNonNull(subPolicy, "subPolicy");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** A policy type this verifier does not evaluate (e.g. {@code MSP}); it is never satisfied. */
    record Unsupported(int type) implements PolicyDefinition {
    }
}
