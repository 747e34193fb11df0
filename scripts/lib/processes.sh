# Starting, watching and stopping the network's processes. Each runs in its own session (so its whole process group
# can be signalled), writes to its own log, and is remembered by a pid file holding "pid start-time" so a recycled
# pid is never mistaken for ours.
# shellcheck shell=bash

pid_file() { printf '%s\n' "$(run_dir)/$1.pid"; }

proc_start_time() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }

# Prints the pid of a running process we started under this name, or fails.
running_pid() {
  local file pid started
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  read -r pid started <"$file" || return 1
  [[ -n $pid && -d /proc/$pid ]] || return 1
  [[ $(proc_start_time "$pid") == "$started" ]] || return 1
  printf '%s\n' "$pid"
}

# Dies naming the port (and its holder, when visible) if any of the ports is already taken.
require_ports_free() {
  local name=$1 port holder
  shift
  for port in "$@"; do
    if [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]; then
      holder=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(("[^"]*"' | head -n 1 | cut -d'"' -f2)
      die "port $port, needed by $name, is already in use${holder:+ by $holder} (stop it, or move this network with LEDGER_PORT_OFFSET)"
    fi
  done
}

# start_process NAME COMMAND...: starts COMMAND detached, in its own session, logging to NAME's log.
start_process() {
  local name=$1 log pid
  shift
  log=$(log_file "$name")
  mkdir -p "$(run_dir)" "$(dirname "$log")"
  printf '\n=== %s starting: %s\n' "$(date -u +%FT%TZ)" "$*" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  pid=$!
  # setsid execs in place (the child of a non-interactive shell is no group leader), so $! is the process itself.
  local started=""
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    started=$(proc_start_time "$pid") && [[ -n $started ]] && break
    sleep 0.05
  done
  printf '%s %s\n' "$pid" "$started" >"$(pid_file "$name")"
}

# wait_healthy NAME URL: waits until URL answers 200, dying if the process exits or the timeout passes.
wait_healthy() {
  local name=$1 url=$2 deadline=$((SECONDS + LEDGER_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    running_pid "$name" >/dev/null || die "$name exited during start; see $(log_file "$name")"
    if curl -sf -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    sleep 0.25
  done
  die "$name did not become healthy within ${LEDGER_START_TIMEOUT}s ($url); see $(log_file "$name")"
}

# wait_listening NAME PORT: waits until something listens on PORT, dying if NAME exits first.
wait_listening() {
  local name=$1 port=$2 deadline=$((SECONDS + LEDGER_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    running_pid "$name" >/dev/null || die "$name exited during start; see $(log_file "$name")"
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]] && return 0
    sleep 0.25
  done
  die "$name did not listen on port $port within ${LEDGER_START_TIMEOUT}s; see $(log_file "$name")"
}

# stop_process NAME: SIGTERM to its process group, SIGKILL after the stop timeout. Quiet if not running.
stop_process() {
  local name=$1 pid deadline
  pid=$(running_pid "$name") || { rm -f "$(pid_file "$name")"; return 0; }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + LEDGER_STOP_TIMEOUT))
  while ((SECONDS < deadline)) && [[ -d /proc/$pid ]]; do sleep 0.2; done
  if [[ -d /proc/$pid ]]; then
    say "$name did not stop within ${LEDGER_STOP_TIMEOUT}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  say "stopped $name (pid $pid)"
}
