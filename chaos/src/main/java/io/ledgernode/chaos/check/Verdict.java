package io.ledgernode.chaos.check;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checker's answer: requests by how they ended, faults by kind, and each check with pass or fail and, for a
 * failure, the first request or transaction that breaks it. {@link #passed()} only when every check holds.
 */
public record Verdict(Map<String, Long> requests, long retries, Map<String, FaultLine> faults, List<Check> checks) {

    /** How often a kind of fault was injected, at which seconds into the run, and how often it hit each process. */
    public record FaultLine(int count, List<Long> seconds, Map<String, Integer> targets) {
    }

    /** One check: what it asserts, whether it held, what was looked at, and the first violation. */
    public record Check(String name, boolean passed, String detail, String firstViolation) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("requests                          count");
        requests.forEach((outcome, count) -> out.printf("  %-30s %7d%n", outcome, count));
        out.printf("  %-30s %7d%n", "retries (same key, again)", retries);
        out.println();
        out.println("faults                            count  at (s into the run); processes hit");
        faults.forEach((kind, line) -> out.printf("  %-30s %7d  %s; %s%n", kind, line.count(), abbreviate(line.seconds()),
                line.targets()));
        out.printf("  %-30s %7d%n", "total", faults.values().stream().mapToInt(FaultLine::count).sum());
        out.println();
        out.println("checks");
        for (Check check : checks) {
            out.printf("  %-4s %-40s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
            if (!check.passed() && check.firstViolation() != null) {
                out.printf("       first violation: %s%n", check.firstViolation());
            }
        }
        out.println();
        out.println(passed() ? "VERDICT: PASS (every check holds)" : "VERDICT: FAIL");
    }

    private static String abbreviate(List<Long> seconds) {
        String all = seconds.toString();
        return all.length() <= 60 ? all : all.substring(0, 56) + " …]";
    }
}
