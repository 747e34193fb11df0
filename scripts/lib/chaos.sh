# chaos: the bank workload under injected faults, checked end to end (chaos/ holds the workload, the nemesis and
# the checker; docs/chaos.md says how to read the verdict and how to check a history of your own).
# shellcheck shell=bash

# run_chaos [--faults N] [--duration D] [--seed S] [--keep-network]: a fresh network of its own, the run, the verdict.
run_chaos() {
  local faults=50 duration=PT10M seed=$RANDOM keep=0
  while (($#)); do
    case $1 in
      --faults | --duration | --seed)
        [[ $# -ge 2 ]] || die "chaos: $1 needs a value"
        case $1 in --faults) faults=$2 ;; --duration) duration=$2 ;; --seed) seed=$2 ;; esac
        shift 2
        ;;
      --keep-network) keep=1; shift ;;
      *) die "chaos: unknown option $1 (--faults N, --duration PT10M, --seed S, --keep-network)" ;;
    esac
  done
  [[ $faults =~ ^[0-9]+$ ]] || die "chaos: --faults takes a whole number, got $faults"
  [[ $seed =~ ^-?[0-9]+$ ]] || die "chaos: --seed takes a whole number, got $seed"
  [[ $duration =~ ^PT[0-9]+[MS]$|^PT[0-9]+M[0-9]+S$ ]] || die "chaos: --duration takes an ISO-8601 duration such as PT10M or PT90S, got $duration"
  mvn_quiet -q -Dmaven.test.skip=true -pl chaos -am package
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
