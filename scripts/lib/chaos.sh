# chaos: the bank workload under injected faults, checked end to end (chaos/ holds the workload, the nemesis and
# the checker; docs/chaos.md says how to read the verdict and how to check a history of your own).
# shellcheck shell=bash

# run_chaos [--faults N] [--duration D] [--seed S] [--keep-network] [--consortium [DESCRIPTION]]: a fresh network of
# its own (or a consortium across hosts as network namespaces), the run, the verdict.
run_chaos() {
  local faults=50 duration=PT10M seed=$RANDOM keep=0 consortium=""
  while (($#)); do
    case $1 in
      --faults | --duration | --seed)
        [[ $# -ge 2 ]] || die "chaos: $1 needs a value"
        case $1 in --faults) faults=$2 ;; --duration) duration=$2 ;; --seed) seed=$2 ;; esac
        shift 2
        ;;
      --keep-network) keep=1; shift ;;
      --consortium)
        consortium=$LEDGER_REPO/network-config/networks/consortium-netns.yaml
        shift
        if [[ $# -gt 0 && $1 != --* ]]; then consortium=$1 && shift; fi
        [[ -f $consortium ]] || die "chaos: no description $consortium"
        ;;
      *) die "chaos: unknown option $1 (--faults N, --duration PT10M, --seed S, --keep-network, --consortium [DESCRIPTION])" ;;
    esac
  done
  [[ $faults =~ ^[0-9]+$ ]] || die "chaos: --faults takes a whole number, got $faults"
  [[ $seed =~ ^-?[0-9]+$ ]] || die "chaos: --seed takes a whole number, got $seed"
  [[ $duration =~ ^PT[0-9]+[MS]$|^PT[0-9]+M[0-9]+S$ ]] || die "chaos: --duration takes an ISO-8601 duration such as PT10M or PT90S, got $duration"
  mvn_quiet -q -Dmaven.test.skip=true -pl chaos -am package
  if [[ -n $consortium ]]; then
    (LEDGER_RESTARTS_MAX=100000 LEDGER_RESTART_BACKOFF_MAX=4 chaos_on_consortium "$consortium" "$faults" "$duration" "$seed" "$keep")
    return
  fi
  # In a subshell: a failure on the way (die) ends the run, not the caller (the test command goes on to report).
  (LEDGER_HOME=$LEDGER_CHAOS_HOME LEDGER_PORT_OFFSET=$LEDGER_CHAOS_PORT_OFFSET LEDGER_RESTARTS_MAX=100000 \
    LEDGER_RESTART_BACKOFF_MAX=4 chaos_on_own_network "$faults" "$duration" "$seed" "$keep")
}

# chaos_on_own_network FAULTS DURATION SEED KEEP: with LEDGER_HOME and the port offset of the chaos network in effect.
chaos_on_own_network() {
  local faults=$1 duration=$2 seed=$3 keep=$4 out
  out=$LEDGER_REPO/.ledger/chaos-runs/$(date -u +%Y%m%dT%H%M%SZ)-seed$seed
  mkdir -p "$out"
  step "starting the chaos network in $LEDGER_HOME (ports +$LEDGER_PORT_OFFSET); this run's files go to $out"
  network_down 1 >/dev/null 2>&1 || true
  network_up >"$out/up.log" 2>&1 || { cp -r "$LEDGER_HOME/logs" "$out/" 2>/dev/null; die "the chaos network did not come up; see $out/up.log"; }
  local orgs=() org service status=0
  for org in $LEDGER_ORGS; do
    service=$(process_of node-service "$org") || die "no node-service of $org in the roster"
    orgs+=(--org "$org,http://127.0.0.1:$(process_port "$service"),127.0.0.1:$(process_port "$service" 2),$(org_jdbc_url "$org")?user=ledger_reader")
  done
  local ledger="LEDGER_HOME='$LEDGER_HOME' LEDGER_PORT_OFFSET='$LEDGER_PORT_OFFSET' '$LEDGER_REPO/scripts/ledger'"
  java -jar "$LEDGER_CHAOS_JAR" run --home "$LEDGER_HOME" --out "$out" --seed "$seed" --faults "$faults" \
    --duration "$duration" "${orgs[@]}" \
    --command "mirror rebuilt from block 0 equals the live one=$ledger mirror-rebuild" \
    --command "a reconciliation finds no break=$ledger reconcile" || status=$?
  cp -r "$LEDGER_HOME/logs" "$out/logs"
  ((status == 0)) || chaos_show_down
  if ((keep == 0)); then network_down 1 >/dev/null 2>&1 || true; fi
  say "chaos: history, faults, verdict and every process's log are in $out"
  return "$status"
}

# chaos_show_down: for each process not live now, its supervisor's last word and the last lines of its log (colours
# and debug lines left out), so that the output of a failed run alone (a CI log) says why it did not come back.
chaos_show_down() {
  local state name
  for state in "$LEDGER_HOME"/run/*.state; do
    [[ -f $state && $(cut -d ' ' -f 1 "$state") != live ]] || continue
    name=$(basename "$state" .state)
    say "chaos: $name is not live: $(cut -d ' ' -f 1,3- "$state"); the last lines of its log:"
    sed 's/\x1b\[[0-9;]*m//g' "$(log_file "$name")" 2>/dev/null | grep -v ' DEBU ' | tail -n 25 | cut -c 1-300 | sed 's/^/    /' || true
  done
}

# chaos_on_consortium DESCRIPTION FAULTS DURATION SEED KEEP: the consortium of DESCRIPTION brought up from its bundles,
# each host a network namespace (consortium.sh), and the run against it: the workload calls each org's node at its
# host, the nemesis kills and freezes processes on any host and cuts whole hosts off (PARTITION_HOST), and the checker
# reads every org's peers directly and each org's mirror through its node (a host's database listens on that host's
# loopback only). Each org's reconciliation and mirror rebuild run on its node's host.
chaos_on_consortium() {
  local description=$1 faults=$2 duration=$3 seed=$4 keep=$5 out work=$LEDGER_REPO/.ledger/chaos-consortium why status=0
  netns_usable || die "chaos --consortium makes each host a network namespace, which needs root (CAP_NET_ADMIN)"
  out=$LEDGER_REPO/.ledger/chaos-runs/$(date -u +%Y%m%dT%H%M%SZ)-consortium-seed$seed
  mkdir -p "$out"
  consortium_down "$work/bundles"
  rm -rf "$work" && mkdir -p "$work"
  # One development key for every org's node, so that the workload's tokens are good at each of them.
  java -cp "$LEDGER_SERVICE_JAR" io.ledgernode.node.auth.DevTokens --dir "$work/observer/dev-auth" --issuer ledger-node-dev \
    --audience ledger-node --subject bootstrap --role auditor --ttl PT1M >/dev/null || die "cannot create a development key"
  step "bringing up the consortium of ${description#"$LEDGER_REPO"/}, each host a network namespace; this run's files go to $out"
  if ! why=$(consortium_up "$description" "$work/bundles" "$out/up" "$work/observer/dev-auth"); then
    consortium_down "$work/bundles"
    die "the consortium did not come up: $why (logs in $out/up)"
  fi
  local issuer
  issuer=$(sed -n 's/^ *issuerOrg: *//p' "$description" | head -n 1)
  # The observer: every org's profile (each org's peers at their hosts, its User1), from the bundles' public and
  # client material together, for the checker to read each peer as its own org.
  netconfig generate --network "$description" --home "$work/observer" --fabric-home "$LEDGER_FABRIC_HOME" \
    --node-org "$issuer" --embedded-database true \
    --pg-port "$LEDGER_PG_PORT" --bridge-port "$LEDGER_BRIDGE_PORT" --api-port "$LEDGER_API_PORT" \
    --grpc-port "$LEDGER_GRPC_PORT" --reconciler-port "$LEDGER_RECONCILER_PORT" \
    --admin-org "$issuer" >/dev/null || die "cannot write the observer's profile"
  local dir host org orgs=() commands=() ledger
  mkdir -p "$work/observer/crypto"
  for dir in "$work"/bundles/hosts/*/crypto; do cp -rn "$dir/." "$work/observer/crypto/"; done
  # Each org's node, the issuer's first (the workload sets the bank up through it).
  while IFS=$'\t' read -r host org; do
    orgs+=(--org "$org,http://$host:$LEDGER_API_PORT,$host:$LEDGER_GRPC_PORT,api")
    ledger="ip netns exec $(netns_name "$host") env LEDGER_HOME='$work/bundles/hosts/$host' '$LEDGER_REPO/scripts/ledger'"
    commands+=(--command "$org's mirror rebuilt from block 0 equals its live one=$ledger mirror-rebuild"
      --command "$org's reconciliation finds no break=$ledger reconcile")
  done < <(consortium_hosts "$description" | awk -F'\t' -v issuer="$issuer" '$2 == issuer {print; next} $2 != "-" {rest = rest $0 "\n"} END {printf "%s", rest}')
  java_quiet -jar "$LEDGER_CHAOS_JAR" run --home "$work/observer" --out "$out" --seed "$seed" --faults "$faults" \
    --duration "$duration" "${orgs[@]}" "${commands[@]}" --hosts "$work/bundles/hosts" \
    --cut "bash '$LEDGER_REPO/scripts/lib/netns.sh' cut {host}" --heal "bash '$LEDGER_REPO/scripts/lib/netns.sh' heal {host}" || status=$?
  for dir in "$work"/bundles/hosts/*; do
    mkdir -p "$out/logs/${dir##*/}" && cp -r "$dir/logs/." "$out/logs/${dir##*/}/" 2>/dev/null
  done
  if ((keep == 0)); then consortium_down "$work/bundles"; fi
  say "chaos: history, faults, verdict and every host's logs are in $out"
  return "$status"
}