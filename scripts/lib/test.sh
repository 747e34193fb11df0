# test: every test of the project. ShellCheck over every script first (lint.sh); unit tests always; integration
# tests against a fresh network of their own (separate LEDGER_HOME, ports moved by LEDGER_IT_PORT_OFFSET), torn down
# afterwards, its logs kept on failure; then the operator tests of scripts/ledger itself; then a short chaos run
# (chaos.sh). A lint finding, or ShellCheck
# that cannot be installed, fails the test command (the other tests still run, and the end says so again).
# shellcheck shell=bash

# on_it_network COMMAND...: COMMAND with the test network's LEDGER_HOME and port offset in effect.
on_it_network() { LEDGER_HOME=$LEDGER_IT_HOME LEDGER_PORT_OFFSET=$LEDGER_IT_PORT_OFFSET "$@"; }

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
    ) || die "the test network did not come up; logs are in $LEDGER_IT_HOME/logs"
    (cd "$LEDGER_REPO" && mvn -B verify -DskipITs=false -Dledger.it.home="$LEDGER_IT_HOME" -Dledger.it.clients="$clients") || status=$?
    if ((status == 0)); then
      (on_it_network network_down 1 >/dev/null)
    else
      (on_it_network network_down 0 >/dev/null)
      say "tests failed; the test network's logs are kept in $LEDGER_IT_HOME/logs"
    fi
  fi
  step "operator tests of scripts/ledger"
  bash "$LEDGER_REPO/scripts/tests/operator.sh" "$fabric_ok" || status=1
  if ((fabric_ok)); then
    # The short chaos run: every fault kind once (12 faults) under the bank workload, on a network of its own.
    step "chaos: the bank workload under 12 faults of 12 kinds, then the checks"
    run_chaos --faults 12 --duration PT3M --seed 20261206 || status=1
  fi
  if ((fabric_ok == 0)); then
    say "INTEGRATION TESTS SKIPPED: Fabric $LEDGER_FABRIC_VERSION could not be installed: $reason"
  fi
  if ((lint_failed)); then
    say "LINT FAILED: ShellCheck found something in the scripts, or could not be installed (see the lint step above)"
  fi
  return "$status"
}

# run_benchmark MODULE CLASS [ARGS...]: runs a benchmark main from MODULE's test classes against the network at
# LEDGER_HOME (its first argument), with ARGS after it.
run_benchmark() {
  local module=$1 class=$2 cp=$LEDGER_REPO/$1/target/benchmark.classpath
  shift 2
  mvn_quiet -q -DskipTests -pl "$module" -am install
  mvn_quiet -q -pl "$module" dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
  java -cp "$LEDGER_REPO/$module/target/test-classes:$LEDGER_REPO/$module/target/classes:$(cat "$cp")" "$class" "$LEDGER_HOME" "$@"
}
