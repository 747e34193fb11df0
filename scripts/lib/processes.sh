# Starting, watching and stopping the network's processes. Each runs in its own session (so its whole process group
# can be signalled), writes to its own log, and is remembered by a pid file holding "pid start-time" so a recycled
# pid is never mistaken for ours. Every long-running process runs under scripts/lib/supervise.sh: the pid file names
# the supervisor, NAME.child the process itself, NAME.state and NAME.restarts what the supervisor saw.
# shellcheck shell=bash

pid_file() { printf '%s\n' "$(run_dir)/$1.pid"; }
child_file() { printf '%s\n' "$(run_dir)/$1.child"; }
state_file() { printf '%s\n' "$(run_dir)/$1.state"; }

proc_start_time() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }

# True while PID runs. An exited process its parent has not reaped yet (a zombie: a supervisor whose parent, `up`,
# is gone waits for init to reap it) no longer runs.
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# Prints the pid of a running process we started under this name (its supervisor, when supervised), or fails.
running_pid() { live_pid_in "$(pid_file "$1")"; }

# Prints the pid of the supervised process itself (the supervisor's child), or fails.
child_pid() { live_pid_in "$(child_file "$1")"; }

# The supervisor's word on NAME: starting, live, restarting, failed or stopped (empty when it never ran).
supervisor_state() {
  local file state=""
  file=$(state_file "$1")
  [[ -f $file ]] && read -r state _ <"$file"
  printf '%s\n' "$state"
}

# The pid in a "pid start-time" file, when that very process still runs.
live_pid_in() {
  local file=$1 pid started
  [[ -f $file ]] || return 1
  read -r pid started <"$file" || return 1
  [[ -n $pid ]] && alive "$pid" || return 1
  [[ $(proc_start_time "$pid") == "$started" ]] || return 1
  printf '%s\n' "$pid"
}

# require_ports_outside_ephemeral_range: dies naming the first port of the roster inside this host's ephemeral port range
# (net.ipv4.ip_local_port_range), unless it is reserved (net.ipv4.ip_local_reserved_ports). The kernel hands ports of
# that range to outgoing connections, so a server there may find its port taken by one at any start or restart.
require_ports_outside_ephemeral_range() {
  local range low high reserved name port
  range=$(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null) || return 0
  read -r low high <<<"$range"
  [[ $low =~ ^[0-9]+$ && $high =~ ^[0-9]+$ ]] || return 0
  reserved=$(cat /proc/sys/net/ipv4/ip_local_reserved_ports 2>/dev/null || true)
  for name in $(process_names); do
    for port in $(process_ports "$name"); do
      ((port >= low && port <= high)) || continue
      port_reserved "$port" "$reserved" && continue
      die "port $port, needed by $name, is in this host's ephemeral port range ($low-$high), which outgoing connections draw from; choose ports below $low (LEDGER_PG_PORT and the other LEDGER_*_PORT settings, LEDGER_PORT_OFFSET) or reserve it (net.ipv4.ip_local_reserved_ports)"
    done
  done
}

# port_reserved PORT LIST: whether PORT is in LIST, net.ipv4.ip_local_reserved_ports' "a,b-c" form.
port_reserved() {
  local item
  for item in ${2//,/ }; do
    if [[ $item =~ ^([0-9]+)-([0-9]+)$ ]]; then
      (($1 >= BASH_REMATCH[1] && $1 <= BASH_REMATCH[2])) && return 0
    elif [[ $item == "$1" ]]; then
      return 0
    fi
  done
  return 1
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
  rotate_log "$log"
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

# start_supervised NAME: starts NAME (scripts/ledger run-process NAME) under supervise.sh, with NAME's liveness probe.
# A process left running by a supervisor that was itself killed is ended first: only a supervised one may run.
start_supervised() {
  local name=$1 orphan kind target daemon args
  if orphan=$(child_pid "$name"); then
    say "$name (pid $orphan) runs without its supervisor; killing it to start it under supervision"
    kill -KILL -- "-$orphan" 2>/dev/null || kill -KILL "$orphan" 2>/dev/null || true
  fi
  rm -f "$(child_file "$name")" "$(state_file "$name")"
  pin_jar "$name"
  read -r kind target <<<"$(liveness_probe "$name")"
  args=("$name" "$(run_dir)" --probe "$kind" "$target" --log "$(log_file "$name")")
  daemon=$(daemon_pidfile "$name") && args+=(--daemon-pidfile "$daemon")
  start_process "$name" "$LEDGER_REPO/scripts/lib/supervise.sh" "${args[@]}" -- "$LEDGER_REPO/scripts/ledger" run-process "$name"
}

# Dies (stopping it) when NAME's supervisor gave up on it during its start (or is gone). A process that exits once
# while starting (a peer or database still coming up under load) is simply restarted by its supervisor and waited
# for; one that keeps exiting reaches `failed` after LEDGER_RESTARTS_MAX restarts and is named here with its log.
require_not_restarted() {
  local name=$1 state
  state=$(supervisor_state "$name")
  if ! running_pid "$name" >/dev/null || [[ $state == failed ]]; then
    stop_process "$name" >/dev/null 2>&1
    die "$name exited during start; see $(log_file "$name")"
  fi
}

# wait_live NAME: waits until a running NAME answers its liveness probe (the supervisor may be restarting it); dies
# when its supervisor gives up or the start timeout passes.
wait_live() {
  local name=$1 kind target deadline=$((SECONDS + LEDGER_START_TIMEOUT))
  read -r kind target <<<"$(liveness_probe "$name")"
  while ((SECONDS < deadline)); do
    running_pid "$name" >/dev/null || die "$name stopped ($(supervisor_state "$name")) instead of becoming live; see $(log_file "$name")"
    "$LEDGER_REPO/scripts/lib/probe.sh" "$kind" "$target" "$LEDGER_PROBE_TIMEOUT" && return 0
    sleep 0.25
  done
  die "$name runs but did not answer its liveness probe ($kind $target) within ${LEDGER_START_TIMEOUT}s; see $(log_file "$name")"
}

# start_processes KIND...: every process of these kinds, in roster order (start_roster_process).
start_processes() {
  local name
  for name in $(process_names "$@"); do start_roster_process "$name"; done
}

# start_roster_process NAME: when NAME runs, waits until it answers its liveness probe; otherwise starts it under
# supervision once its ports are free, waits until it is ready (its readiness probe, or its liveness probe where it
# has none) and says where it listens.
start_roster_process() {
  local name=$1 kind ports
  if running_pid "$name" >/dev/null; then wait_live "$name"; return 0; fi
  kind=$(process_kind "$name")
  read -ra ports <<<"$(process_ports "$name")"
  require_ports_free "$name" "${ports[@]}"
  # node-service trusts the development token issuer: its key pair exists before the service reads its public half.
  if [[ $kind == node-service && ! -f $(dev_auth_dir)/dev-jwks.json ]]; then
    java -cp "$LEDGER_SERVICE_JAR" io.ledgernode.node.auth.DevTokens --dir "$(dev_auth_dir)" --issuer ledger-node-dev \
      --audience ledger-node --subject bootstrap --role auditor --ttl PT1M >/dev/null \
      || die "cannot create the development signing key in $(dev_auth_dir)"
  fi
  start_supervised "$name"
  wait_ready "$name"
  case $kind in
    node-service) say "started $name: REST on http://$(node_listen_host):${ports[0]}, gRPC on $(node_listen_host):${ports[1]} (log: $(log_file "$name"))" ;;
    sync-bridge | reconciler) say "started $name (metrics http://127.0.0.1:${ports[0]}/metrics, log: $(log_file "$name"))" ;;
    *) say "started $name on port ${ports[0]} (log: $(log_file "$name"))" ;;
  esac
}

# wait_ready NAME: waits until NAME answers its readiness probe (its liveness probe where it has none), dying when its
# supervisor gives up on it or the start timeout passes. A PostgreSQL counts as ready only once its supervisor has seen
# it live too: its launcher creates the mirror database and roles after the server first answers.
wait_ready() {
  local name=$1 kind target deadline=$((SECONDS + LEDGER_START_TIMEOUT)) postgres=0
  read -r kind target <<<"$(readiness_probe "$name" || liveness_probe "$name")"
  [[ $(process_kind "$name") == postgres ]] && postgres=1
  while ((SECONDS < deadline)); do
    require_not_restarted "$name"
    if "$LEDGER_REPO/scripts/lib/probe.sh" "$kind" "$target" "$LEDGER_PROBE_TIMEOUT" \
      && { ((postgres == 0)) || [[ $(supervisor_state "$name") == live ]]; }; then
      return 0
    fi
    sleep 0.25
  done
  die "$name did not become ready within ${LEDGER_START_TIMEOUT}s ($kind $target); see $(log_file "$name")"
}

# wait_listening NAME PORT: waits until something listens on PORT, dying if NAME exits first.
wait_listening() {
  local name=$1 port=$2 deadline=$((SECONDS + LEDGER_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    require_not_restarted "$name"
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]] && return 0
    sleep 0.25
  done
  die "$name did not listen on port $port within ${LEDGER_START_TIMEOUT}s; see $(log_file "$name")"
}

# stop_process NAME: SIGTERM to its process group (a supervisor passes it on to its process and waits up to the stop
# timeout), SIGKILL to both a few seconds after the stop timeout. Quiet if not running.
stop_process() {
  local name=$1 pid child deadline
  child=$(child_pid "$name") || child=""
  pid=$(running_pid "$name") || {
    [[ -n $child ]] && kill -KILL -- "-$child" 2>/dev/null
    rm -f "$(pid_file "$name")" "$(child_file "$name")" "$(run_dir)/$name.jar"
    return 0
  }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + LEDGER_STOP_TIMEOUT + 5))
  while ((SECONDS < deadline)) && alive "$pid"; do sleep 0.2; done
  if alive "$pid"; then
    say "$name did not stop within ${LEDGER_STOP_TIMEOUT}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  if [[ -n $child ]] && child_pid "$name" >/dev/null; then kill -KILL -- "-$child" 2>/dev/null || true; fi
  rm -f "$(pid_file "$name")" "$(child_file "$name")" "$(run_dir)/$name.jar"
  say "stopped $name (pid $pid)"
}
