package io.ledgernode.proof.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A configuration group's policies and sub-groups: {@code /Channel}, {@code /Channel/Application/Org1}, ... */
public record PolicyGroup(String name, Map<String, PolicyDefinition> policies, Map<String, PolicyGroup> groups) {
    public PolicyGroup {
        Objects.requireNonNull(name, "name");
        policies = Map.copyOf(policies);
        groups = Map.copyOf(groups);
    }

    /** The group at a path below this one ({@code ["Application", "Org1"]}). */
    public Optional<PolicyGroup> group(java.util.List<String> path) {
        PolicyGroup group = this;
        for (String name : path) {
            group = group.groups.get(name);
            if (group == null) {
                return Optional.empty();
            }
        }
        return Optional.of(group);
    }
}
