# Output and failure conventions: progress on stderr, one clear line and a non-zero exit on any failure.
# shellcheck shell=bash

say() { printf '%s\n' "$*" >&2; }
step() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ledger: %s\n' "$*" >&2; exit 1; }

# Runs a command with its output captured to a log; on failure, dies with the log's last line and its path.
run_logged() {
  local what=$1 log=$2
  shift 2
  mkdir -p "$(dirname "$log")"
  # The admin and generator logs grow with every command run against the network: bounded like a process's (logs.sh).
  if declare -F rotate_log >/dev/null; then rotate_log "$log"; fi
  if ! "$@" >>"$log" 2>&1; then
    local last
    last=$(grep -v '^\s*$' "$log" | tail -n 1 | sed 's/\x1b\[[0-9;]*m//g')
    die "$what failed: ${last:-no output} (full output: $log)"
  fi
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
