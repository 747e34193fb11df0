# Output and failure conventions: progress on stderr, one clear line and a non-zero exit on any failure.
# shellcheck shell=bash

say() { printf '%s\n' "$*" >&2; }
step() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ledger: %s\n' "$*" >&2; exit 1; }

# Runs a command with its output captured to a log; on failure, dies with the reason (log_reason) and the log's path.
run_logged() {
  local what=$1 log=$2 start
  shift 2
  mkdir -p "$(dirname "$log")"
  # The admin and generator logs grow with every command run against the network: bounded like a process's (logs.sh).
  if declare -F rotate_log >/dev/null; then rotate_log "$log"; fi
  start=1
  [[ ! -f $log ]] || start=$(($(wc -l <"$log") + 1))
  if ! "$@" >>"$log" 2>&1; then
    die "$what failed: $(tail -n "+$start" "$log" | log_reason) (full output: $log)"
  fi
}

# The line of a failed command's output (stdin) that says why: Maven's first specific [ERROR] line (a file and what is
# wrong with it, not its "COMPILATION ERROR :" heading), else the last line with any text. Colour codes removed
# first: Maven's last line is often colour codes alone, which used to be reported as "no output".
log_reason() {
  local text reason
  text=$(sed 's/\x1b\[[0-9;]*m//g' | grep -v '^[[:space:]]*$' || true)
  reason=$(grep -v -E '^\[ERROR\] +COMPILATION ERROR' <<<"$text" | grep -m 1 -E '^\[ERROR\] +[^ ]' || true)
  [[ -n $reason ]] || reason=$(tail -n 1 <<<"$text")
  printf '%s\n' "${reason:-no output}"
}

# Version comparison: true when $1 >= $2 (dotted numbers).
version_at_least() {
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" == "$2" ]]
}

network_env() { printf '%s\n' "$LEDGER_HOME/network/network.env"; }
node_env() { printf '%s\n' "$LEDGER_HOME/network/nodes/$1.env"; }
run_dir() { printf '%s\n' "$LEDGER_HOME/run"; }
log_file() { printf '%s\n' "$LEDGER_HOME/logs/$1.log"; }

require_generated() {
  [[ -f $(network_env) ]] || die "no network at $LEDGER_HOME (run: scripts/ledger up)"
  # A network generated before the roster existed: `up` writes it (and leaves running processes running).
  [[ -f $(roster_file) ]] || die "no process roster in $LEDGER_HOME/network (run: scripts/ledger up)"
}
