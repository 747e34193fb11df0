package io.ledgernode.proof.check;

import java.util.List;
import java.util.Optional;

/** The verdicts of every check of one bundle, in order; the proof holds only when every one passed. */
public record Report(List<CheckResult> results) {
    public Report {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a report has at least one check");
        }
    }

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public Optional<CheckResult> result(Check check) {
        return results.stream().filter(r -> r.check() == check).findFirst();
    }

    public List<String> lines() {
        return results.stream().map(CheckResult::line).toList();
    }
}
