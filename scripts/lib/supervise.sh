#!/usr/bin/env bash
# supervise.sh NAME RUN_DIR [--probe KIND TARGET] [--daemon-pidfile FILE] [--log FILE] -- COMMAND...
#
# Runs COMMAND (in a session and process group of its own) and keeps it running:
# - it exits: restarted;
# - its liveness probe (probe.sh KIND TARGET) fails LEDGER_PROBE_FAILURES times in a row: its whole process group is
#   killed with SIGKILL (a hung or SIGSTOPped process answers no signal but that) and it is restarted. Failures count
#   only once it answered a first time or LEDGER_START_TIMEOUT passed, so a slow start is not a failure;
# - restarts wait 1 s, doubling up to LEDGER_RESTART_BACKOFF_MAX; more than LEDGER_RESTARTS_MAX restarts within
#   LEDGER_RESTART_WINDOW seconds and it gives up: the process is marked failed and the supervisor exits 1.
# --daemon-pidfile names the pid file of a daemon COMMAND leaves behind outside its process group (the embedded
# PostgreSQL's postmaster, which pg_ctl puts in a session of its own): that daemon is stopped whenever COMMAND ends.
# --log names the file its output and COMMAND's are appended to: it is rotated by size (logs.sh) at every start and
# every probe interval.
#
# What it keeps in RUN_DIR, for `scripts/ledger status` and for Prometheus (node_exporter's textfile collector reads
# RUN_DIR/metrics/*.prom):
#   NAME.child     "pid start-time" of the running COMMAND
#   NAME.state     "state epoch-seconds reason": starting, live, restarting, failed or stopped
#   NAME.restarts  restarts since this supervisor started
#   metrics/NAME.prom
# Each start and restart is logged on stdout (the process's log) with a timestamp and the reason.
# SIGTERM or SIGINT: COMMAND's process group gets SIGTERM, SIGKILL after LEDGER_STOP_TIMEOUT; then it exits 0.
set -Eeuo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=config.sh
source "$here/config.sh"
# shellcheck source=logs.sh
source "$here/logs.sh"
# Probes run in this shell's forks (probe_answers), never as new programs: see probe.sh.
# shellcheck source=probe.sh
source "$here/probe.sh"

usage() { printf 'supervise.sh: usage: supervise.sh NAME RUN_DIR [--probe KIND TARGET] [--daemon-pidfile FILE] [--log FILE] -- COMMAND...\n' >&2; exit 2; }
[[ $# -ge 4 ]] || usage
name=$1 run=$2
shift 2
probe=() daemon_pidfile="" log_file=""
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    --probe) [[ $# -ge 3 ]] || usage; probe=("$2" "$3"); shift 3 ;;
    --daemon-pidfile) [[ $# -ge 2 ]] || usage; daemon_pidfile=$2; shift 2 ;;
    --log) [[ $# -ge 2 ]] || usage; log_file=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $# -ge 2 && $1 == -- ]] || usage
shift

mkdir -p "$run/metrics"
child=0 restarts=0 probe_failures_total=0 last_restart=0 live=0 state=starting
recent=() # epoch seconds of the restarts within the window

log() { printf '=== %s supervise: %s: %s\n' "$(date -u +%FT%TZ)" "$name" "$*"; }

# Files are replaced whole (write, then rename), so a reader never sees half of one.
put() {
  printf '%s\n' "$2" >"$1.partial"
  mv -f "$1.partial" "$1"
}

set_state() {
  state=$1
  put "$run/$name.state" "$1 $(date +%s) ${2:-}"
  metrics
}

metrics() {
  local labels="process=\"$name\""
  put "$run/metrics/$name.prom" "# HELP ledger_process_restarts_total Restarts of the process by its supervisor since it was started.
# TYPE ledger_process_restarts_total counter
ledger_process_restarts_total{$labels} $restarts
# HELP ledger_process_probe_failures_total Failed liveness probes of the process.
# TYPE ledger_process_probe_failures_total counter
ledger_process_probe_failures_total{$labels} $probe_failures_total
# HELP ledger_process_live 1 when the process answered its last liveness probe.
# TYPE ledger_process_live gauge
ledger_process_live{$labels} $live
# HELP ledger_process_failed 1 when the supervisor gave up restarting the process.
# TYPE ledger_process_failed gauge
ledger_process_failed{$labels} $([[ $state == failed ]] && echo 1 || echo 0)
# HELP ledger_process_last_restart_timestamp_seconds When the process was last restarted (0: never).
# TYPE ledger_process_last_restart_timestamp_seconds gauge
ledger_process_last_restart_timestamp_seconds{$labels} $last_restart"
}

# True while the child runs (a zombie, exited but not yet waited for, does not count).
child_running() {
  local stat
  # read, not $(cat ...): this runs every interval, and a builtin starts no program.
  ((child > 0)) && IFS= read -r stat 2>/dev/null <"/proc/$child/stat" || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# Stops what COMMAND left outside its process group: the daemon of --daemon-pidfile, when it still runs with that
# file's directory on its command line (so a recycled pid is never signalled).
stop_daemon() {
  [[ -n $daemon_pidfile && -f $daemon_pidfile ]] || return 0
  local pid
  pid=$(head -n 1 "$daemon_pidfile" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$(dirname "$daemon_pidfile")" || return 0
  log "stopping pid $pid left behind (named by $daemon_pidfile)"
  kill -INT "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + LEDGER_STOP_TIMEOUT))
  while [[ -d /proc/$pid ]] && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}

# Sleeps in the background so SIGTERM interrupts the wait at once. Not `read -t`, which would start no program: a trap
# that arrives during `read -t` runs inside the read, whose timeout then cuts the trap short (see probe.sh).
pause() {
  sleep "$1" &
  wait $! || true
}

stop() {
  trap - TERM INT
  log "stopping (signal received)"
  if child_running; then
    kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true
    local deadline=$((SECONDS + LEDGER_STOP_TIMEOUT))
    while child_running && ((SECONDS < deadline)); do sleep 0.2; done
    if child_running; then
      log "did not stop within ${LEDGER_STOP_TIMEOUT}s; SIGKILL"
      kill -KILL -- "-$child" 2>/dev/null || true
    fi
  fi
  wait "$child" 2>/dev/null || true
  stop_daemon
  live=0
  rm -f "$run/$name.child"
  set_state stopped "stopped by signal"
  exit 0
}
trap stop TERM INT

start_child() {
  stop_daemon
  [[ -z $log_file ]] || rotate_log "$log_file"
  # setsid execs in place (this shell's children are no group leaders), so $! is COMMAND itself, leader of its group.
  setsid "$@" </dev/null &
  child=$!
  local started=""
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    started=$(awk '{print $22}' "/proc/$child/stat" 2>/dev/null) && [[ -n $started ]] && break
    sleep 0.05
  done
  put "$run/$name.child" "$child $started"
  log "started pid $child: $*"
  set_state starting "pid $child"
}

# Watches the running child; returns (printing the reason) once it exited or was killed for failing its probe.
watch_child() {
  local started=$SECONDS failures=0 code=0 answered=0
  live=0
  while true; do
    pause "$LEDGER_PROBE_INTERVAL"
    [[ -z $log_file ]] || rotate_log "$log_file"
    if ! child_running; then
      wait "$child" 2>/dev/null || code=$?
      reason="exited with status $code"
      return 0
    fi
    ((${#probe[@]})) || { ((live)) || { live=1; set_state live "running"; }; continue; }
    if probe_answers "${probe[@]}" "$LEDGER_PROBE_TIMEOUT"; then
      failures=0 answered=1
      ((live)) || { live=1; set_state live "answered its probe"; }
    elif ((answered || SECONDS - started >= LEDGER_START_TIMEOUT)); then
      failures=$((failures + 1)) probe_failures_total=$((probe_failures_total + 1)) live=0
      log "liveness probe failed ($failures of $LEDGER_PROBE_FAILURES): ${probe[*]}"
      metrics
      if ((failures >= LEDGER_PROBE_FAILURES)); then
        reason="liveness probe failed $failures times in a row (${probe[*]}); killed with SIGKILL"
        kill -KILL -- "-$child" 2>/dev/null || kill -KILL "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
        return 0
      fi
    fi
  done
}

put "$run/$name.restarts" 0
backoff=1
while true; do
  start_child "$@"
  ran_from=$SECONDS reason=""
  watch_child
  live=0
  # Whatever of its process group outlived it goes too, before a new one starts.
  kill -KILL -- "-$child" 2>/dev/null || true
  stop_daemon
  now=$(date +%s)
  if ((SECONDS - ran_from >= LEDGER_RESTART_WINDOW)); then backoff=1; fi
  kept=()
  for t in "${recent[@]}"; do ((now - t < LEDGER_RESTART_WINDOW)) && kept+=("$t"); done
  recent=("${kept[@]}")
  if ((${#recent[@]} >= LEDGER_RESTARTS_MAX)); then
    rm -f "$run/$name.child"
    log "$reason; gave up after ${#recent[@]} restarts within ${LEDGER_RESTART_WINDOW}s: FAILED"
    set_state failed "$reason; gave up after ${#recent[@]} restarts within ${LEDGER_RESTART_WINDOW}s"
    exit 1
  fi
  recent+=("$now")
  restarts=$((restarts + 1)) last_restart=$now
  put "$run/$name.restarts" "$restarts"
  log "$reason; restart $restarts in ${backoff}s"
  set_state restarting "$reason"
  pause "$backoff"
  backoff=$((backoff * 2 > LEDGER_RESTART_BACKOFF_MAX ? LEDGER_RESTART_BACKOFF_MAX : backoff * 2))
done
