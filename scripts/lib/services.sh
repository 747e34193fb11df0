# Every long-running process of the node in one place: its name, the command it runs, its liveness probe and (where
# it has one) its readiness probe. `up`, `status`, `run-process`, the supervisor and the systemd units all read them
# from here, so a process is started and judged the same way everywhere.
# shellcheck shell=bash

# Every process, in start order (network.env must be sourced).
process_names() {
  local org names="$LEDGER_ORDERERS $LEDGER_PEERS $LEDGER_CHAINCODE_SERVERS"
  for org in $(node_orgs); do org_external_db "$org" || names="$names $(org_process postgres "$org")"; done
  for org in $(node_orgs); do names="$names $(org_process sync-bridge "$org")"; done
  printf '%s\n' $names node-service $(member_node_names) reconciler
}

# Dies unless NAME is a process of this node (network.env must be sourced).
require_process() {
  process_names | grep -qxF -- "$1" || die "no process named '$1' in this network (processes: $(process_names | tr '\n' ' '))"
}

# The org a process of this node acts for: postgres.Org2 -> Org2; a plain name -> this node's org.
process_org() {
  case $1 in
    *.*) echo "${1#*.}" ;;
    *) echo "$LEDGER_NODE_ORG" ;;
  esac
}

# "KIND TARGET" of NAME's liveness probe (scripts/lib/probe.sh).
liveness_probe() {
  local name=$1 org
  case $name in
    postgres | postgres.*) echo "pg 127.0.0.1:$(org_pg_port "$(process_org "$name")")" ;;
    sync-bridge | sync-bridge.*) echo "http http://127.0.0.1:$(org_bridge_port "$(process_org "$name")")/health/live" ;;
    node-service | node-service.*) echo "http http://127.0.0.1:$(org_api_port "$(process_org "$name")")/health/live" ;;
    reconciler) echo "http http://127.0.0.1:$(reconciler_port)/health/live" ;;
    *)
      [[ -f $(node_env "$name") ]] || die "no process named '$name' in this network"
      (
        # shellcheck source=/dev/null
        source "$(node_env "$name")"
        case $LEDGER_NODE_KIND in
          orderer | peer) echo "http $LEDGER_NODE_HEALTH_URL" ;;
          chaincode) echo "tcp $CHAINCODE_SERVER_ADDRESS" ;;
          *) die "$name: unknown node kind $LEDGER_NODE_KIND" ;;
        esac
      )
      ;;
  esac
}

# "KIND TARGET" of NAME's readiness probe; fails when it has none (then live is all there is to know).
readiness_probe() {
  case $1 in
    sync-bridge | sync-bridge.*) echo "http http://127.0.0.1:$(org_bridge_port "$(process_org "$1")")/health/ready" ;;
    node-service | node-service.*) echo "http http://127.0.0.1:$(org_api_port "$(process_org "$1")")/health/ready" ;;
    *) return 1 ;;
  esac
}

# The pid file of a daemon NAME's command leaves outside its process group, when it has one.
daemon_pidfile() {
  case $1 in
    postgres | postgres.*) echo "$(database_dir "$(process_org "$1")")/data/postmaster.pid" ;;
    *) return 1 ;;
  esac
}

# Where ORG's embedded PostgreSQL keeps its data.
database_dir() {
  if [[ $1 == "$LEDGER_NODE_ORG" ]]; then echo "$LEDGER_HOME/postgres"; else echo "$LEDGER_HOME/postgres.$1"; fi
}

# The jar NAME runs from target/ (none for orderers, peers and chaincode servers).
process_jar() {
  case $1 in
    postgres | postgres.* | sync-bridge | sync-bridge.*) echo "$LEDGER_BRIDGE_JAR" ;;
    node-service | node-service.*) echo "$LEDGER_SERVICE_JAR" ;;
    reconciler) echo "$LEDGER_RECONCILER_JAR" ;;
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
# units run). Orderers, peers and chaincode servers get their generated environment.
run_process() {
  local name=$1 cmd
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  require_process "$name"
  # The build pinned when `up` started it (systemd units, with none pinned, run target/'s).
  if [[ -f $(run_dir)/$name.jar ]]; then
    local pinned
    read -r pinned <"$(run_dir)/$name.jar"
    case $name in
      postgres | postgres.* | sync-bridge | sync-bridge.*) LEDGER_BRIDGE_JAR=$pinned ;;
      node-service | node-service.*) LEDGER_SERVICE_JAR=$pinned ;;
      reconciler) LEDGER_RECONCILER_JAR=$pinned ;;
    esac
  fi
  case $name in
    postgres | postgres.*)
      exec java -cp "$LEDGER_BRIDGE_JAR" io.ledgernode.bridge.db.EmbeddedServer "$(database_dir "$(process_org "$name")")" \
        "$(org_pg_port "$(process_org "$name")")"
      ;;
    sync-bridge | sync-bridge.*) mapfile -t cmd < <(bridge_command "$(process_org "$name")") ;;
    node-service | node-service.*) mapfile -t cmd < <(node_service_command "$(process_org "$name")") ;;
    reconciler) mapfile -t cmd < <(reconciler_command) ;;
    *)
      [[ -f $(node_env "$name") ]] || die "no process named '$name' in this network"
      # shellcheck source=/dev/null
      source "$(node_env "$name")"
      case $LEDGER_NODE_KIND in
        orderer) cmd=(orderer) ;;
        peer) cmd=(peer node start) ;;
        chaincode)
          [[ -f $(run_dir)/$name.chaincode ]] || die "$name: no chaincode deployed yet ($(run_dir)/$name.chaincode is missing)"
          local package_id jar
          read -r package_id jar <"$(run_dir)/$name.chaincode"
          export CORE_CHAINCODE_ID_NAME=$package_id
          cmd=(java -jar "$jar")
          ;;
        *) die "$name: unknown node kind $LEDGER_NODE_KIND" ;;
      esac
      ;;
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
