/**
 * One line of a verification, as the command-line verifiers print it: the check's name, whether it passed, and what
 * it found. The console shows these lines in order, so an auditor reads the same verdict in the page as at the
 * command line.
 */
export interface CheckLine {
  readonly check: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** A whole verification: passed only when every line passed. */
export interface Verdict {
  readonly passed: boolean;
  readonly checks: readonly CheckLine[];
}

export function verdictOf(checks: readonly CheckLine[]): Verdict {
  return { passed: checks.length > 0 && checks.every((line) => line.passed), checks };
}
