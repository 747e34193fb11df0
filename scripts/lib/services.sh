# Every long-running process of the node in one place: the process roster, LEDGER_HOME/network/roster.tsv, written
# by the network generator (network-config's Roster) from the description and this node's settings. One line per
# process in start order, TAB-separated: name, kind, org, ports, liveness probe, readiness probe, after ("-" for
# none). `up`, `down`, `status`, `run-process`, `probe`, the supervisor and the systemd units all read it, so a
# process is listed, started and judged the same way everywhere; no script keeps a list of its own.
# shellcheck shell=bash

roster_file() { printf '%s\n' "$LEDGER_HOME/network/roster.tsv"; }

# The roster's lines of these kinds (every line without), in start order.
roster_lines() {
  local file
  file=$(roster_file)
  [[ -f $file ]] || die "no process roster at $file (run: scripts/ledger up)"
  awk -F'\t' -v kinds=" $* " '!/^#/ && (kinds == "  " || index(kinds, " " $2 " ") > 0)' "$file"
}

# Every process, or every process of these kinds (orderer peer chaincode postgres sync-bridge node-service reconciler).
process_names() { roster_lines "$@" | cut -f1; }

# roster_field NAME COLUMN: one column of NAME's line (1 name, 2 kind, 3 org, 4 ports, 5 liveness, 6 readiness,
# 7 after); dies naming the processes when there is no NAME.
roster_field() {
  local line
  line=$(roster_lines | awk -F'\t' -v name="$1" '$1 == name')
  [[ -n $line ]] || die "no process named '$1' in this network (processes: $(roster_lines | cut -f1 | tr '\n' ' '))"
  cut -f"$2" <<<"$line"
}

# Dies unless NAME is a process of this node.
require_process() { roster_field "$1" 1 >/dev/null; }

process_kind() { roster_field "$1" 2; }
# The org NAME acts for (its own org for an orderer, a peer or a chaincode server).
process_org() { roster_field "$1" 3; }
# NAME's ports, separated by spaces; the first is its main one (node-service: REST, then gRPC).
process_ports() { roster_field "$1" 4; }
# process_port NAME [N]: NAME's Nth port (default its first).
process_port() {
  local ports
  read -ra ports <<<"$(process_ports "$1")"
  printf '%s\n' "${ports[${2:-1} - 1]}"
}

# process_of KIND ORG: the name of ORG's process of KIND (its chaincode server, its sync-bridge, ...), or fails.
process_of() {
  local name
  name=$(roster_lines "$1" | awk -F'\t' -v org="$2" '$3 == org {print $1; exit}')
  [[ -n $name ]] && printf '%s\n' "$name"
}

# "KIND TARGET" of NAME's liveness probe (scripts/lib/probe.sh).
liveness_probe() { roster_field "$1" 5; }

# "KIND TARGET" of NAME's readiness probe; fails when it has none (then live is all there is to know).
readiness_probe() {
  local probe
  probe=$(roster_field "$1" 6)
  [[ $probe != - ]] && printf '%s\n' "$probe"
}

# The processes NAME needs running before it starts (the After= of its systemd unit), separated by spaces.
process_after() {
  local after
  after=$(roster_field "$1" 7)
  [[ $after == - ]] || printf '%s\n' "$after"
}

# The operations metrics of an orderer or a peer: beside its /healthz, its liveness probe.
metrics_url() {
  local target
  read -r _ target <<<"$(liveness_probe "$1")"
  printf '%s\n' "${target%/healthz}/metrics"
}

# Where an embedded PostgreSQL process keeps its data and runtime: LEDGER_HOME/<its name>.
database_dir() { printf '%s\n' "$LEDGER_HOME/$1"; }

# The pid file of a daemon NAME's command leaves outside its process group, when it has one.
daemon_pidfile() {
  [[ $(process_kind "$1") == postgres ]] || return 1
  printf '%s\n' "$(database_dir "$1")/data/postmaster.pid"
}

# The jar NAME runs from target/ (none for orderers, peers and chaincode servers).
process_jar() {
  case $(process_kind "$1") in
    postgres | sync-bridge) printf '%s\n' "$LEDGER_BRIDGE_JAR" ;;
    node-service) printf '%s\n' "$LEDGER_SERVICE_JAR" ;;
    reconciler) printf '%s\n' "$LEDGER_RECONCILER_JAR" ;;
    *) return 1 ;;
  esac
}

# pin_jar NAME: copies the jar NAME runs (with the libs/ its manifest's Class-Path names, when it has one) into
# LEDGER_HOME/jars/, named by a digest of their contents, and records it in run/NAME.jar. A process then runs the build
# `up` started it with, across its restarts: rebuilding target/ (mvn package rewrites jars in place) neither changes
# nor breaks running code, the way the chaincode servers run a copy of theirs.
pin_jar() {
  local name=$1 jar dir digest pinned files
  jar=$(process_jar "$name") || return 0
  [[ -f $jar ]] || die "$name: $jar is not built"
  dir=$(dirname "$jar")
  files=("$jar")
  [[ -d $dir/libs ]] && files+=("$dir"/libs/*)
  digest=$(cat "${files[@]}" | sha256sum | cut -c1-12)
  pinned=$LEDGER_HOME/jars/$(basename "$jar" .jar)-$digest
  if [[ ! -d $pinned ]]; then
    rm -rf "$pinned.partial"
    mkdir -p "$pinned.partial"
    cp "$jar" "$pinned.partial/"
    [[ ! -d $dir/libs ]] || cp -r "$dir/libs" "$pinned.partial/"
    mv "$pinned.partial" "$pinned"
  fi
  printf '%s\n' "$pinned/$(basename "$jar")" >"$(run_dir)/$name.jar"
}

# run-process NAME: runs NAME's command in the foreground, in place of this shell (what supervise.sh and the systemd
# units run). Orderers, peers and chaincode servers get their generated environment; the Java processes run the build
# pinned when `up` started them (systemd units, with none pinned, run target/'s).
run_process() {
  local name=$1 kind org jar="" cmd
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  require_process "$name"
  kind=$(process_kind "$name")
  org=$(process_org "$name")
  if [[ -f $(run_dir)/$name.jar ]]; then read -r jar <"$(run_dir)/$name.jar"; else jar=$(process_jar "$name") || true; fi
  case $kind in
    postgres) cmd=(java -cp "$jar" io.ledgernode.bridge.db.EmbeddedServer "$(database_dir "$name")" "$(process_port "$name")") ;;
    sync-bridge) mapfile -t cmd < <(bridge_command "$org" "$jar") ;;
    node-service) mapfile -t cmd < <(node_service_command "$org" "$jar") ;;
    reconciler) mapfile -t cmd < <(reconciler_command "$jar") ;;
    orderer | peer | chaincode)
      # shellcheck source=/dev/null
      source "$(node_env "$name")"
      case $kind in
        orderer) cmd=(orderer) ;;
        peer) cmd=(peer node start) ;;
        chaincode)
          [[ -f $(run_dir)/$name.chaincode ]] || die "$name: no chaincode deployed yet ($(run_dir)/$name.chaincode is missing)"
          local package_id
          read -r package_id jar <"$(run_dir)/$name.chaincode"
          export CORE_CHAINCODE_ID_NAME=$package_id
          cmd=(java -jar "$jar")
          ;;
      esac
      ;;
    *) die "$name: unknown process kind '$kind' in $(roster_file)" ;;
  esac
  exec "${cmd[@]}"
}

# probe NAME [--systemd]: NAME's liveness probe once; exit 0 live, 1 not. With --systemd (the ledger-probe@ units):
# consecutive failures are counted in run/NAME.probe-failures and the LEDGER_PROBE_FAILURES-th kills the unit's
# whole control group with SIGKILL, so systemd restarts it (Restart=on-failure).
probe_process() {
  local name=$1 mode=${2:-} kind target failures=0 counter
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  require_process "$name"
  read -r kind target <<<"$(liveness_probe "$name")"
  counter=$(run_dir)/$name.probe-failures
  # Under systemd the unit appends to the log (StandardOutput=append:); its probe timer bounds it, as a supervisor would.
  [[ $mode != --systemd ]] || rotate_log "$(log_file "$name")"
  if "$LEDGER_REPO/scripts/lib/probe.sh" "$kind" "$target" "$LEDGER_PROBE_TIMEOUT"; then
    [[ $mode == --systemd ]] && rm -f "$counter"
    return 0
  fi
  if [[ $mode == --systemd ]]; then
    mkdir -p "$(run_dir)"
    [[ -f $counter ]] && read -r failures <"$counter"
    failures=$((failures + 1))
    echo "$failures" >"$counter"
    say "$name: liveness probe failed ($failures of $LEDGER_PROBE_FAILURES): $kind $target"
    if ((failures >= LEDGER_PROBE_FAILURES)); then
      rm -f "$counter"
      say "$name: killing ledger-$name.service with SIGKILL (systemd restarts it)"
      systemctl kill --signal=SIGKILL "ledger-$name.service"
    fi
  fi
  return 1
}

# process_health NAME: one word for NAME, from its supervisor and its probes: stopped, failed, restarting,
# starting, unresponsive (runs, fails its liveness probe), live, or ready (live and ready, where it has a readiness
# probe). Exit 0 only for live and ready.
process_health() {
  local name=$1 state kind target
  state=$(supervisor_state "$name")
  if ! running_pid "$name" >/dev/null; then
    if [[ $state == failed ]]; then echo failed; else echo stopped; fi
    return 1
  fi
  if ! child_pid "$name" >/dev/null; then
    # Its supervisor runs, its process does not: the supervisor is bringing it back.
    echo restarting
    return 1
  fi
  read -r kind target <<<"$(liveness_probe "$name")"
  if ! "$LEDGER_REPO/scripts/lib/probe.sh" "$kind" "$target" "$LEDGER_PROBE_TIMEOUT"; then
    case $state in
      restarting | starting) echo "$state" ;;
      *) echo unresponsive ;;
    esac
    return 1
  fi
  if read -r kind target < <(readiness_probe "$name") \
    && "$LEDGER_REPO/scripts/lib/probe.sh" "$kind" "$target" "$LEDGER_PROBE_TIMEOUT"; then
    echo ready
  else
    echo live
  fi
}

# Restarts of NAME by its supervisor since `up` started it.
process_restarts() {
  local file n=0
  file=$(run_dir)/$1.restarts
  [[ -f $file ]] && read -r n <"$file"
  echo "${n:-0}"
}
