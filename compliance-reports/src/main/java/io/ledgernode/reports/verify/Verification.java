package io.ledgernode.reports.verify;

import java.util.List;

/** Every check of one report, in the order they ran. */
public record Verification(List<Check> checks) {

    public Verification {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed (and there was at least one). */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}
