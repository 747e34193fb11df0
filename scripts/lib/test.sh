# test: every test of the project. ShellCheck over every script first (lint.sh); unit tests always; integration
# tests against a fresh network of their own (separate LEDGER_HOME, ports moved by LEDGER_IT_PORT_OFFSET), then the
# console's browser tests against that network's node (console.sh), torn down
# afterwards, its logs kept on failure; then the operator tests of scripts/ledger itself; then the consortium tests
# (scripts/tests/consortium.sh: hosts as network namespaces, which needs root; skipped, saying so, without) and a
# chaos run across those hosts; then a short chaos run on one host (chaos.sh). A lint finding, or ShellCheck that cannot be installed, fails the test command (the
# other tests still run, and the end says so again).
# shellcheck shell=bash

# on_it_network COMMAND...: COMMAND with the test network's LEDGER_HOME and port offset in effect.
# The integration tests' receivers of webhooks listen on loopback, as everything here does.
on_it_network() {
  LEDGER_HOME=$LEDGER_IT_HOME LEDGER_PORT_OFFSET=$LEDGER_IT_PORT_OFFSET LEDGER_WEBHOOKS_PRIVATE_ALLOWED=true "$@"
}

run_tests() {
  local fabric_ok=1 reason="" status=0 lint_failed=0
  step "lint: ShellCheck $LEDGER_SHELLCHECK_VERSION over every script under scripts/"
  (lint_scripts) || { lint_failed=1 status=1; }
  if ! reason=$( (install_fabric) 2>&1); then
    fabric_ok=0
    reason=$(printf '%s\n' "$reason" | tail -n 1)
  fi
  if ((fabric_ok == 0)); then
    say "$reason"
    say "INTEGRATION TESTS SKIPPED: Fabric $LEDGER_FABRIC_VERSION could not be installed (above); running unit tests only."
    (cd "$LEDGER_REPO" && mvn -B verify) || status=$?
  else
    use_fabric
    step "installing the other gRPC stacks the interoperability tests use (grpcio from PyPI, grpcurl from the Go proxy)"
    local clients
    clients=$(install_test_clients)
    step "building"
    mvn_quiet -q -DskipTests package
    step "starting the test network in $LEDGER_IT_HOME (ports +$LEDGER_IT_PORT_OFFSET)"
    (
      on_it_network network_down 1 >/dev/null 2>&1 || true
      on_it_network network_up
    ) || {
      # Nothing of a half-started network is left running; its logs are kept.
      (on_it_network network_down 0 >/dev/null 2>&1)
      die "the test network did not come up; logs are in $LEDGER_IT_HOME/logs"
    }
    (cd "$LEDGER_REPO" && mvn -B verify -DskipITs=false -Dledger.it.home="$LEDGER_IT_HOME" -Dledger.it.clients="$clients") || status=$?
    step "browser tests of the console: Playwright driving Debian's Chromium against the test network's node"
    (on_it_network run_console_tests) || status=1
    if ((status == 0)); then
      (on_it_network network_down 1 >/dev/null)
    else
      (on_it_network network_down 0 >/dev/null)
      say "tests failed; the test network's logs are kept in $LEDGER_IT_HOME/logs"
    fi
  fi
  step "operator tests of scripts/ledger"
  bash "$LEDGER_REPO/scripts/tests/operator.sh" "$fabric_ok" || status=1
  local consortium_skipped=""
  if ((fabric_ok)); then
    if netns_usable; then
      step "consortium tests: each host a network namespace, from the bundles of scripts/ledger generate (Raft, then BFT)"
      bash "$LEDGER_REPO/scripts/tests/consortium.sh" "$LEDGER_REPO/network-config/networks/consortium-netns.yaml" || status=1
      bash "$LEDGER_REPO/scripts/tests/consortium.sh" "$LEDGER_REPO/network-config/networks/consortium-netns-bft.yaml" || status=1
      # The chaos run across hosts: every fault kind once (13, a host cut off among them) on the Raft consortium.
      step "chaos across hosts: the bank workload under 13 faults of 13 kinds on consortium-netns.yaml, then the checks"
      run_chaos --consortium --faults 13 --duration PT4M --seed 20261206 || status=1
    else
      consortium_skipped="network namespaces cannot be created here (they need root: CAP_NET_ADMIN)"
      say "CONSORTIUM TESTS SKIPPED: $consortium_skipped"
    fi
    # The short chaos run: every fault kind once (12 faults) under the bank workload, on a network of its own.
    step "chaos: the bank workload under 12 faults of 12 kinds, then the checks"
    run_chaos --faults 12 --duration PT3M --seed 20261206 || status=1
  fi
  if ((fabric_ok == 0)); then
    say "INTEGRATION TESTS SKIPPED: Fabric $LEDGER_FABRIC_VERSION could not be installed: $reason"
  fi
  [[ -z $consortium_skipped ]] || say "CONSORTIUM TESTS SKIPPED: $consortium_skipped"
  if ((lint_failed)); then
    say "LINT FAILED: ShellCheck found something in the scripts, or could not be installed (see the lint step above)"
  fi
  return "$status"
}

# run_benchmark MODULE CLASS [ARGS...]: runs a benchmark main from MODULE's test classes against the network at
# LEDGER_HOME (its first argument), with ARGS after it. Built in one reactor (-am package) with its test classpath
# written by the same build (each module's target/benchmark.classpath), so nothing is installed into ~/.m2: a build
# never rewrites a jar outside the repo's target/ directories, and the node's processes run pinned copies of theirs.
run_benchmark() {
  local module=$1 class=$2 cp=$LEDGER_REPO/$1/target/benchmark.classpath
  shift 2
  mvn_quiet -q -DskipTests -pl "$module" -am package dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
  java -Djava.util.logging.config.file="$LEDGER_REPO/scripts/lib/benchmark-logging.properties" \
    -cp "$LEDGER_REPO/$module/target/test-classes:$LEDGER_REPO/$module/target/classes:$(cat "$cp")" "$class" "$LEDGER_HOME" "$@"
}

# record_bench COMMAND...: runs COMMAND (benchmarks), its whole output shown and saved, after a header naming the
# date, the commit and the machine, into LEDGER_HOME/bench/<UTC time>.txt; then every line of the form
# "RATIO <name> = <value> (goal <op> <goal>) <MET|MISSED>  <details>" gathered into one table, shown and saved too.
# Prints the file's path last. Fails when COMMAND failed (the table shows what was measured before).
record_bench() {
  local out status=0
  out=$LEDGER_HOME/bench/$(date -u +%Y%m%dT%H%M%SZ).txt
  mkdir -p "$(dirname "$out")"
  { bench_header; "$@" 2>&1; } | tee "$out" || status=$?
  ratio_table "$out" | tee -a "$out"
  ((status == 0)) || say "a benchmark failed (exit $status); its output is above and in $out"
  printf 'benchmark output saved in %s\n' "$out"
  return "$status"
}

# What a benchmark's figures depend on: when, which code, which machine.
bench_header() {
  local commit dirty=""
  commit=$(git -C "$LEDGER_REPO" rev-parse HEAD 2>/dev/null || echo unknown)
  git -C "$LEDGER_REPO" diff --quiet HEAD 2>/dev/null || dirty=" (with uncommitted changes)"
  printf 'benchmark run %s\n' "$(date -u +%FT%TZ)"
  printf 'commit %s%s\n' "$commit" "$dirty"
  printf 'machine %s: %s CPUs (%s), %s memory, %s\n' "$(hostname)" "$(nproc)" \
    "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)" "$(uname -sr)"
  printf 'load average %s; %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(java -version 2>&1 | head -n 1)"
  printf 'network %s (LEDGER_HOME=%s)\n\n' "$LEDGER_NETWORK" "$LEDGER_HOME"
}

# ratio_table FILE: the RATIO lines of FILE as one table (name, value, goal, MET/MISSED), then any RATIO line not in
# the agreed form, named so it gets fixed.
ratio_table() {
  awk '
    /^RATIO / {
      if (match($0, /^RATIO [^ ]+ = [0-9.]+ \(goal [<>=]+ [0-9.]+\) (MET|MISSED)/)) {
        split(substr($0, 1, RLENGTH), f, " ")
        rows[++n] = sprintf("%-36s %8s   %-2s %-8s %s", f[2], f[4], f[6], substr(f[7], 1, length(f[7]) - 1), f[8])
        if (f[8] == "MISSED") missed++
      } else bad[++m] = $0
    }
    END {
      printf "\nRATIO summary: %d measured, %d missed\n", n, missed
      if (n) printf "%-36s %8s   %-11s %s\n", "name", "value", "goal", "result"
      for (i = 1; i <= n; i++) print rows[i]
      for (i = 1; i <= m; i++) print "not in the RATIO form: " bad[i]
    }' "$1"
}

# The benchmarks of `scripts/ledger bench`, in order.
bench_all() {
  run_benchmark ledger-gateway io.ledgernode.gateway.bench.TransferBenchmark
  run_benchmark sync-bridge io.ledgernode.bridge.bench.BridgeBenchmark
  run_benchmark node-service io.ledgernode.node.bench.NodeServiceBenchmark
  run_benchmark node-service io.ledgernode.node.bench.ChainPathBenchmark
  # One account seeded with 100,000 credits and no debit (a few minutes), folded by the node's consolidation job.
  run_benchmark node-service io.ledgernode.node.bench.HotAccountBenchmark 100000
  run_benchmark node-service io.ledgernode.node.bench.WebhookBenchmark
  run_benchmark ledger-gateway io.ledgernode.gateway.bench.SignerBenchmark
  run_benchmark proof-verifier io.ledgernode.proof.bench.VerifyBenchmark
  run_benchmark reconciler io.ledgernode.reconciler.bench.IncrementalReconcileBenchmark
}
