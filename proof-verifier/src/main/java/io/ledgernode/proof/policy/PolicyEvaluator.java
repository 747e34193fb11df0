package io.ledgernode.proof.policy;

import io.ledgernode.proof.msp.Identity;
import io.ledgernode.proof.msp.MspSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.SignaturePolicy;

/**
 * Evaluates a channel policy by its absolute path ({@code /Channel/Orderer/BlockValidation}) over valid, distinct
 * signers, with Fabric's semantics (common/cauthdsl, common/policies/implicitmeta.go).
 */
public final class PolicyEvaluator {
    /** Deepest signature policy evaluated; Fabric's policies nest two or three levels. */
    static final int RULE_DEPTH_MAX = 32;

    private final PolicyGroup channel;
    private final MspSet msps;

    public PolicyEvaluator(PolicyGroup channel, MspSet msps) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.msps = Objects.requireNonNull(msps, "msps");
    }

    public Evaluation evaluate(String path, List<Identity> signers) {
        List<String> parts = List.of(path.split("/"));
        if (parts.size() < 3 || !parts.get(0).isEmpty() || !parts.get(1).equals(channel.name())) {
            return new Evaluation(false, "policy path " + path + " is not under /" + channel.name());
        }
        Optional<PolicyGroup> group = channel.group(parts.subList(2, parts.size() - 1));
        String name = parts.get(parts.size() - 1);
        PolicyDefinition policy = group.map(g -> g.policies().get(name)).orElse(null);
        if (policy == null) {
            return new Evaluation(false, "the channel configuration has no policy " + path);
        }
        return evaluate(path, group.get(), policy, signers);
    }

    private Evaluation evaluate(String path, PolicyGroup group, PolicyDefinition policy, List<Identity> signers) {
        return switch (policy) {
            case PolicyDefinition.Signature signature -> signature(path, signature, signers);
            case PolicyDefinition.ImplicitMeta meta -> implicitMeta(path, group, meta, signers);
            case PolicyDefinition.Unsupported unsupported ->
                    new Evaluation(false, path + " is a policy of type " + unsupported.type() + ", which is not supported");
        };
    }

    private Evaluation signature(String path, PolicyDefinition.Signature policy, List<Identity> signers) {
        boolean[] used = new boolean[signers.size()];
        boolean satisfied = rule(policy.envelope().getRule(), policy.envelope().getIdentitiesList(), signers, used, 0);
        return new Evaluation(satisfied, path + (satisfied ? " is satisfied" : " is not satisfied") + " by "
                + signers.size() + " distinct valid signer(s)");
    }

    /** cauthdsl's compiled rule: n-out-of over sub-rules, each signer consumed at most once, greedily in order. */
    private boolean rule(SignaturePolicy rule, List<MSPPrincipal> principals, List<Identity> signers, boolean[] used,
                         int depth) {
        if (depth > RULE_DEPTH_MAX) {
            return false;
        }
        return switch (rule.getTypeCase()) {
            case SIGNED_BY -> signedBy(rule.getSignedBy(), principals, signers, used);
            case N_OUT_OF -> {
                int verified = 0;
                for (SignaturePolicy sub : rule.getNOutOf().getRulesList()) {
                    boolean[] attempt = Arrays.copyOf(used, used.length);
                    if (rule(sub, principals, signers, attempt, depth + 1)) {
                        verified++;
                        System.arraycopy(attempt, 0, used, 0, used.length);
                    }
                }
                yield verified >= rule.getNOutOf().getN();
            }
            case TYPE_NOT_SET -> false;
        };
    }

    private boolean signedBy(int index, List<MSPPrincipal> principals, List<Identity> signers, boolean[] used) {
        if (index < 0 || index >= principals.size()) {
            return false;
        }
        for (int i = 0; i < signers.size(); i++) {
            if (!used[i] && msps.satisfies(signers.get(i), principals.get(index))) {
                used[i] = true;
                return true;
            }
        }
        return false;
    }

    private Evaluation implicitMeta(String path, PolicyGroup group, PolicyDefinition.ImplicitMeta meta,
                                    List<Identity> signers) {
        int groups = group.groups().size();
        int threshold = switch (meta.rule()) {
            case ANY -> 1;
            case ALL -> groups;
            case MAJORITY -> groups / 2 + 1;
            case UNRECOGNIZED -> Integer.MAX_VALUE;
        };
        // Fabric: a rule over no sub-groups at all has nothing to require.
        threshold = groups == 0 ? 0 : threshold;
        List<String> satisfiedBy = new ArrayList<>();
        for (var sub : group.groups().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList()) {
            PolicyDefinition policy = sub.getValue().policies().get(meta.subPolicy());
            String subPath = path.substring(0, path.lastIndexOf('/')) + "/" + sub.getKey() + "/" + meta.subPolicy();
            if (policy != null && evaluate(subPath, sub.getValue(), policy, signers).satisfied()) {
                satisfiedBy.add(sub.getKey());
            }
        }
        boolean satisfied = satisfiedBy.size() >= threshold;
        return new Evaluation(satisfied, path + " (" + rule(meta.rule()) + " " + meta.subPolicy() + ": " + satisfiedBy.size()
                + " of " + groups + " satisfied" + (satisfiedBy.isEmpty() ? "" : ", by " + String.join(", ", satisfiedBy))
                + ", " + threshold + " required)" + (satisfied ? " is satisfied" : " is not satisfied"));
    }

    private static String rule(ImplicitMetaPolicy.Rule rule) {
        return rule.name();
    }
}
