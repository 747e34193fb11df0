#!/usr/bin/env bash
# Operator-facing behaviour of scripts/ledger, run for real: every mistake gets one clear line and a non-zero exit
# (never a hang), `up` is repeatable and brings back what is stopped, and every process is supervised: killed or hung,
# it comes back by itself. The cases that need Fabric run scratch networks of their own (ports moved by
# LEDGER_OPERATOR_PORT_OFFSET, well away from the local and test networks) and remove them afterwards.
# Prints "operator: N passed, N failed, N skipped" last; exits non-zero if any case failed.
# The conditions handed to wait_for and eval below are in single quotes on purpose: they are expanded at each try.
# shellcheck disable=SC2016
set -u
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ledger=$repo/scripts/ledger
scratch=$repo/.ledger/operator-tests
pass=0 fail=0 skip=0
fabric_ok=$1 # 1 when Fabric is installed and the network cases can run
# shellcheck source=../lib/config.sh
source "$repo/scripts/lib/config.sh"
# shellcheck source=helpers.sh
source "$repo/scripts/tests/helpers.sh"
supervise=$repo/scripts/lib/supervise.sh
probe=$repo/scripts/lib/probe.sh

ok() { pass=$((pass + 1)); printf 'PASS %s\n' "$1"; }
ko() { fail=$((fail + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }
skipped() { skip=$((skip + 1)); printf 'SKIP %s (needs Fabric)\n' "$1"; }

# expect_failure NAME TEXT COMMAND...: the command must exit non-zero within 3 minutes, its last line naming TEXT.
expect_failure() {
  local name=$1 text=$2 out rc last
  shift 2
  out=$(timeout 180 "$@" 2>&1 </dev/null)
  rc=$?
  last=$(printf '%s\n' "$out" | tail -n 1)
  if ((rc == 124)); then ko "$name" "hung (killed after 180 s)"
  elif ((rc == 0)); then ko "$name" "exited 0; last line: $last"
  elif [[ $last != *"$text"* ]]; then ko "$name" "last line does not say '$text': $last"
  else ok "$name"; fi
}

# A fake `go` that reports an old version, to check the version gate without uninstalling anything.
fake_go=$(mktemp -d)
printf '#!/bin/sh\n[ "$1 $2" = "env GOVERSION" ] && echo go1.20.1 && exit 0\necho "go version go1.20.1 linux/amd64"\n' >"$fake_go/go"
chmod +x "$fake_go/go"
jdk_path=$(dirname "$(command -v java)")

expect_failure "an unknown command names itself" "unknown command 'frobnicate'" "$ledger" frobnicate
expect_failure "a missing JDK 21 is named" "no JDK 21 or newer found" \
  env LEDGER_JAVA_HOME= JAVA_HOME= LEDGER_JDK_SEARCH=/nonexistent PATH=/usr/bin:/bin "$ledger" up
expect_failure "a missing Go is named" "Go not found on PATH" \
  env -u LEDGER_FABRIC_HOME LEDGER_CACHE="$scratch/empty-cache" PATH="$jdk_path:/usr/bin:/bin" "$ledger" install-fabric
expect_failure "a Go older than Fabric needs is named" "Go 1.20.1 is older than 1.26.4" \
  env -u LEDGER_FABRIC_HOME LEDGER_CACHE="$scratch/empty-cache" PATH="$fake_go:$jdk_path:/usr/bin:/bin" "$ledger" install-fabric
expect_failure "status without a network says so" "no network at" env LEDGER_HOME="$scratch/none" "$ledger" status
expect_failure "down refuses an unknown option" "unknown option --everything" "$ledger" down --everything
expect_failure "verify-proof needs a bundle" "usage: scripts/ledger verify-proof" "$ledger" verify-proof
expect_failure "verify-report needs a report directory" "usage: scripts/ledger verify-report" "$ledger" verify-report
expect_failure "verify-report names a report directory that is not there" "is not a directory" \
  "$ledger" verify-report "$scratch/no-such-report" --ca /etc/hostname
rm -rf "$fake_go"
# A failed Maven build is reported by its first specific [ERROR] line: its last line is colour codes alone, which was
# reported as "failed: no output".
build_dir=$(mktemp -d)
printf '[INFO] compiling\n[ERROR] COMPILATION ERROR : \n[ERROR] /src/Limit.java: warnings found and -Werror specified\n[ERROR] Failed to execute goal\n\033[0m\033[0m\n' \
  >"$build_dir/maven-output.txt"
printf 'an earlier run\n' >"$build_dir/build.log"
expect_failure "a failed build names its first error, not the colour codes after it" "maven build failed: [ERROR] /src/Limit.java: warnings found" \
  bash -c 'source "$0/common.sh"; run_logged "maven build" "$1" sh -c "cat \"\$0\"; exit 1" "$2"' \
  "$repo/scripts/lib" "$build_dir/build.log" "$build_dir/maven-output.txt"
rm -rf "$build_dir"
expect_failure "systemd-units without a network says so" "no network at" env LEDGER_HOME="$scratch/none" "$ledger" systemd-units "$scratch/units"
expect_failure "probe names its usage" "usage: probe.sh" "$probe" ping 127.0.0.1:1

# The ordering leader is found in an orderer's metrics page however long the page is: the scripts run under pipefail,
# where `curl | grep -q` fails whenever grep stops reading before curl has written the whole page (found by
# bench-consortium, which saw no leader). The page here is 40 times a pipe's buffer, its leader line first.
name="the ordering leader is found in a metrics page far longer than a pipe's buffer"
metrics_dir=$(mktemp -d)
{
  printf 'consensus_etcdraft_is_leader{channel="ledger"} 1\n'
  for _ in $(seq 1 2600); do printf 'filler_metric_with_a_long_name{label="%s"} 0\n' "$(printf '%0900d' 0)"; done
} >"$metrics_dir/metrics"
printf 'ordererOrgs:\n  - orderers:\n      - name: orderer0\n        host: 127.0.0.1\n        operationsPort: 27999\norgs:\n' >"$metrics_dir/description.yaml"
python3 -m http.server 27999 --bind 127.0.0.1 --directory "$metrics_dir" >/dev/null 2>&1 &
metrics_server=$!
if wait_for 10 curl -sf -o /dev/null http://127.0.0.1:27999/metrics \
  && leader=$(bash -c 'set -Eeuo pipefail; source "$0/config.sh"; source "$0/consortium.sh"; consortium_leader "$1"' \
    "$repo/scripts/lib" "$metrics_dir/description.yaml") && [[ $leader == 127.0.0.1 ]]; then
  ok "$name"
else ko "$name" "no leader found (got '${leader:-}')"; fi
kill "$metrics_server" 2>/dev/null
rm -rf "$metrics_dir"

# Every LEDGER_* setting gets its default in config.sh and nowhere else: no script assigns one at its top level or
# reads one with a default of its own (${LEDGER_X:-...}).
defaults=$(grep -nE '^(export )?LEDGER_[A-Z0-9_]+=|\$\{LEDGER_[A-Z0-9_]+:-' "$repo/scripts/ledger" "$repo"/scripts/lib/*.sh \
  | grep -v "^$repo/scripts/lib/config.sh:")
if [[ -z $defaults ]]; then ok "every setting has its default in config.sh only"
else ko "every setting has its default in config.sh only" "$(head -n 1 <<<"$defaults")"; fi

# service_command [VAR=VALUE]...: node-service's command line as node.sh builds it with those settings, words joined
# by "|" (its host and ports stubbed: no network is needed).
service_command() {
  env "$@" bash -c 'source "$1/scripts/lib/config.sh"; source "$1/scripts/lib/common.sh"; source "$1/scripts/lib/node.sh"
    node_listen_host() { printf "127.0.0.1\n"; }; org_port() { printf "1\n"; }
    node_service_command "$LEDGER_NODE_ORG" /x/node-service.jar | paste -sd "|"' _ "$repo"
}

# LEDGER_SERVICE_JAVA_OPTS reaches node-service's command line as separate words, before -jar; empty adds nothing.
name="node-service's JVM options reach its command line, each a word of its own"
with=$(service_command LEDGER_SERVICE_JAVA_OPTS="-Xmx3g -XX:+UseZGC")
without=$(service_command LEDGER_SERVICE_JAVA_OPTS=)
if [[ $with == "java|-Xmx3g|-XX:+UseZGC|-Dnode.ledger-home="* && $without == "java|-Dnode.ledger-home="* ]]; then ok "$name"
else ko "$name" "with options: $with; without: $without"; fi

# LEDGER_SERVICE_CONFIG reaches node-service as its own --config argument (Helidon ignored the -Dconfig.file property
# the scripts used to pass, so an operator's overrides were silently dropped).
name="LEDGER_SERVICE_CONFIG reaches node-service as --config FILE after -jar"
out=$(service_command LEDGER_SERVICE_CONFIG=/etc/ledger/node.yaml)
if [[ $out == *"|-jar|/x/node-service.jar|--config|/etc/ledger/node.yaml" ]]; then ok "$name"; else ko "$name" "the command: $out"; fi

# ShellCheck, installed by the scripts themselves, finds nothing in them; a script with a finding fails lint, named.
if out=$("$ledger" lint 2>&1); then ok "lint finds nothing in the scripts"
else ko "lint finds nothing in the scripts" "$(grep -m 1 -E ': (error|warning|note|style):' <<<"$out" || tail -n 1 <<<"$out")"; fi
mkdir -p "$scratch"
printf '#!/usr/bin/env bash\nrm -rf $1/\n' >"$scratch/finding.sh"
out=$("$ledger" lint "$scratch/finding.sh" 2>&1)
if [[ $? -ne 0 && $out == *"finding.sh:2:"*"[SC2086]"* ]]; then ok "lint fails on a script with a finding, naming its line and code"
else ko "lint fails on a script with a finding, naming its line and code" "$(tail -n 1 <<<"$out")"; fi

# bench's summary: every RATIO line of the benchmarks' output in one table (name, value, goal, result); a line not in
# the agreed form is named, not dropped.
printf '%s\n' 'bench: warming up' \
  'RATIO api-reads/pgbench = 0.34 (goal >= 0.30) MET  api 12,400/s vs pgbench 36,500/s at 8 clients' \
  'RATIO incremental/full-reconcile = 0.12 (goal <= 0.10) MISSED  block pass 0.2 s vs 1.7 s' 'RATIO half-written 0.5' >"$scratch/bench.txt"
out=$(bash -c 'source "$1/config.sh" && source "$1/common.sh" && source "$1/test.sh" && ratio_table "$2"' _ "$repo/scripts/lib" "$scratch/bench.txt")
if [[ $out == *"2 measured, 1 missed"* && $out =~ api-reads/pgbench\ +0\.34\ +\>=\ 0\.30\ +MET \
  && $out =~ incremental/full-reconcile\ +0\.12\ +\<=\ 0\.10\ +MISSED && $out == *"not in the RATIO form: RATIO half-written 0.5"* ]]; then
  ok "bench gathers every RATIO line into one table and names a malformed one"
else ko "bench gathers every RATIO line into one table and names a malformed one" "$out"; fi

# A failed chaos run's output alone says why a process did not come back: the supervisor's word and its log's tail,
# without colours or debug lines; a live process is not shown.
down_home=$scratch/chaos-down
mkdir -p "$down_home/run" "$down_home/logs"
printf 'restarting 1000 exited with status 2\n' >"$down_home/run/orderer0.state"
printf 'live 1000 answered its probe\n' >"$down_home/run/peer0.state"
printf '\033[34m2026 0001 INFO\033[0m starting\n2026 0002 DEBU noise\n2026 0003 PANI failed to read WAL\n' >"$down_home/logs/orderer0.log"
out=$(LEDGER_HOME=$down_home bash -c 'source "$1/config.sh" && source "$1/common.sh" && source "$1/chaos.sh" && chaos_show_down' \
  _ "$repo/scripts/lib" 2>&1)
if [[ $out == *"orderer0 is not live: restarting exited with status 2"* && $out == *"    2026 0001 INFO starting"* \
  && $out == *"PANI failed to read WAL"* && $out != *DEBU* && $out != *peer0* ]]; then
  ok "a failed chaos run shows each process that is not live, its supervisor's reason and its log's last lines"
else ko "a failed chaos run shows each process that is not live, its supervisor's reason and its log's last lines" "$out"; fi

# net.ipv4.ip_local_reserved_ports' form: single ports and ranges, comma-separated.
if bash -c 'source "$1/processes.sh" && port_reserved 40005 "1000,40000-40010" && port_reserved 1000 "1000,40000-40010" \
  && ! port_reserved 40011 "1000,40000-40010" && ! port_reserved 40005 ""' _ "$repo/scripts/lib"; then
  ok "a port reserved by net.ipv4.ip_local_reserved_ports is recognised, singly or in a range"
else ko "a port reserved by net.ipv4.ip_local_reserved_ports is recognised, singly or in a range" "port_reserved disagrees"; fi

# install-fabric --archive, with archives built here in Fabric's release layout (bin/, config/, builders/ccaas/bin/):
# stand-in binaries for the refusals (their peer reports 3.1.4), the installed Fabric's own binaries for the install,
# into a cache of their own. Nothing is kept: the archives and the cache go with the scratch directory.
arch=$scratch/archive
arch_cache=$scratch/archive-cache
install_into_scratch=(env -u LEDGER_FABRIC_HOME LEDGER_CACHE="$arch_cache" "$ledger" install-fabric)
mkdir -p "$arch/fake/bin" "$arch/fake/config" "$arch/fake/builders/ccaas/bin"
printf '#!/bin/sh\nprintf "peer:\\n Version: 3.1.4\\n Commit SHA: 0000000\\n"\n' >"$arch/fake/bin/peer"
for t in orderer configtxgen configtxlator cryptogen discover osnadmin ledgerutil; do printf '#!/bin/sh\n' >"$arch/fake/bin/$t"; done
for t in detect build release; do printf '#!/bin/sh\n' >"$arch/fake/builders/ccaas/bin/$t"; done
chmod +x "$arch"/fake/bin/* "$arch"/fake/builders/ccaas/bin/*
: >"$arch/fake/config/core.yaml" && : >"$arch/fake/config/orderer.yaml" && : >"$arch/fake/config/configtx.yaml"
tar -czf "$arch/other-version.tar.gz" -C "$arch/fake" bin config builders
tar -czf "$arch/no-peer.tar.gz" -C "$arch/fake" --exclude=bin/peer bin config builders
chmod -x "$arch/fake/builders/ccaas/bin/release"
tar -czf "$arch/not-executable.tar.gz" -C "$arch/fake" bin config builders
printf 'not an archive\n' >"$arch/not-a-tar.tar.gz"
expect_failure "install-fabric --archive names a file that is not there" "$arch/nowhere.tar.gz is not a readable file" \
  "${install_into_scratch[@]}" --archive "$arch/nowhere.tar.gz"
expect_failure "install-fabric --archive refuses a file that is not a gzip tar" "is not a gzip tar archive" \
  "${install_into_scratch[@]}" --archive "$arch/not-a-tar.tar.gz"
expect_failure "install-fabric --archive names the first file the archive lacks" "no-peer.tar.gz lacks bin/peer" \
  "${install_into_scratch[@]}" --archive "$arch/no-peer.tar.gz"
expect_failure "install-fabric --archive refuses a binary that is not executable" \
  "builders/ccaas/bin/release in $arch/not-executable.tar.gz is not an executable file" \
  "${install_into_scratch[@]}" --archive "$arch/not-executable.tar.gz"
expect_failure "install-fabric --archive refuses a peer of another version" "reports version 3.1.4, not $LEDGER_FABRIC_VERSION" \
  "${install_into_scratch[@]}" --archive "$arch/other-version.tar.gz"
expect_failure "install-fabric --archive refuses an archive whose SHA-256 is not the one given" "not $(printf '0%.0s' {1..64}) as given" \
  "${install_into_scratch[@]}" --archive "$arch/other-version.tar.gz" --sha256 "$(printf '0%.0s' {1..64})"
expect_failure "install-fabric --archive refuses while LEDGER_FABRIC_HOME is set" "LEDGER_FABRIC_HOME=$arch/fake is set" \
  env LEDGER_FABRIC_HOME="$arch/fake" LEDGER_CACHE="$arch_cache" "$ledger" install-fabric --archive "$arch/other-version.tar.gz"
left=$(find "$arch_cache" -mindepth 2 -maxdepth 2 2>/dev/null)
if [[ -z $left ]]; then ok "a refused archive leaves nothing in the cache"
else ko "a refused archive leaves nothing in the cache" "left: $(head -n 1 <<<"$left")"; fi

# The install itself, from an archive of the Fabric installed here (skipped where there is none).
case_install="install-fabric --archive installs a release archive, which the scripts then use"
case_again="install-fabric --archive with the same archive again says it is already installed"
case_damaged="install-fabric names what a damaged archive install lacks, and leaves it to the operator"
if [[ -x $LEDGER_FABRIC_HOME/bin/peer ]]; then
  mkdir -p "$arch/release"
  cp -r "$LEDGER_FABRIC_HOME/bin" "$LEDGER_FABRIC_HOME/config" "$LEDGER_FABRIC_HOME/builders" "$arch/release/"
  (cd "$arch/release" && tar -czf "$arch/hyperledger-fabric-linux-amd64-$LEDGER_FABRIC_VERSION.tar.gz" bin config builders)
  rm -rf "$arch/release"
  release=$arch/hyperledger-fabric-linux-amd64-$LEDGER_FABRIC_VERSION.tar.gz
  sum=$(sha256sum <"$release" | cut -d' ' -f1)
  want=$arch_cache/fabric/$LEDGER_FABRIC_VERSION-archive
  if ! out=$("${install_into_scratch[@]}" --archive "$release" --sha256 "$sum" 2>&1); then ko "$case_install" "$(tail -n 1 <<<"$out")"
  elif [[ $out != *"Fabric $LEDGER_FABRIC_VERSION is installed at $want"* ]]; then ko "$case_install" "$(tail -n 1 <<<"$out")"
  # What `up` would use: config.sh's choice of Fabric home with only this cache, and fabric_complete on it.
  elif ! used=$(env -u LEDGER_FABRIC_HOME LEDGER_CACHE="$arch_cache" bash -c 'source "$1/config.sh" && source "$1/common.sh" \
    && source "$1/fabric.sh" && fabric_complete "$LEDGER_FABRIC_HOME" && printf "%s\n" "$LEDGER_FABRIC_HOME"' _ "$repo/scripts/lib" 2>&1) \
    || [[ $used != "$want" ]]; then ko "$case_install" "the scripts use ${used:-an incomplete home}, not $want"
  elif ! out=$("${install_into_scratch[@]}" 2>&1) || [[ $out != "Fabric $LEDGER_FABRIC_VERSION is installed at $want" ]]; then
    ko "$case_install" "install-fabric without --archive says: $(tail -n 1 <<<"$out")"
  elif [[ -n $(find "$arch_cache/fabric" -mindepth 1 -maxdepth 1 ! -name "$LEDGER_FABRIC_VERSION-archive") ]]; then
    ko "$case_install" "more than the install in $arch_cache/fabric: $(find "$arch_cache/fabric" -mindepth 1 -maxdepth 1 -printf '%f ')"
  else ok "$case_install"; fi
  out=$("${install_into_scratch[@]}" --archive "$release" 2>&1)
  if [[ $? -eq 0 && $out == "Fabric $LEDGER_FABRIC_VERSION from this archive (SHA-256 $sum) is already installed at $want" ]]; then ok "$case_again"
  else ko "$case_again" "$(tail -n 1 <<<"$out")"; fi
  # A damaged archive install is named, never overwritten by go install.
  rm -f "$want/bin/orderer"
  expect_failure "$case_damaged" "the archive install at $want lacks bin/orderer" "${install_into_scratch[@]}"
else
  skipped "$case_install"
  skipped "$case_again"
  skipped "$case_damaged"
fi
rm -rf "$arch" "$arch_cache"

child_of() { cut -d' ' -f1 "$1/$2.child" 2>/dev/null; }
state_of() { cut -d' ' -f1 "$1/$2.state" 2>/dev/null; }

# The supervisor on its own, no network: a command that keeps exiting is restarted with backoff, counted, and given
# up on after LEDGER_RESTARTS_MAX restarts within the window.
sup_run=$scratch/supervisor
mkdir -p "$sup_run"
LEDGER_RESTARTS_MAX=2 LEDGER_PROBE_INTERVAL=1 timeout 30 "$supervise" flaky "$sup_run" -- sh -c 'exit 3' >"$sup_run/flaky.log" 2>&1
rc=$?
if ((rc != 1)); then ko "a process that keeps exiting is restarted, then marked failed" "supervisor exited $rc, not 1"
elif [[ $(state_of "$sup_run" flaky) != failed || $(cat "$sup_run/flaky.restarts") != 2 ]]; then
  ko "a process that keeps exiting is restarted, then marked failed" "state $(cat "$sup_run/flaky.state"), restarts $(cat "$sup_run/flaky.restarts")"
elif ! grep -q 'exited with status 3; restart 2 in 2s' "$sup_run/flaky.log" || ! grep -q 'gave up after 2 restarts' "$sup_run/flaky.log" \
  || ! grep -q '^ledger_process_failed{process="flaky"} 1$' "$sup_run/metrics/flaky.prom" \
  || ! grep -q '^ledger_process_restarts_total{process="flaky"} 2$' "$sup_run/metrics/flaky.prom"; then
  ko "a process that keeps exiting is restarted, then marked failed" "log or metrics lack the restarts: $(tail -n 2 "$sup_run/flaky.log")"
else ok "a process that keeps exiting is restarted, then marked failed"; fi

# Logs are bounded: a process writing far past LEDGER_LOG_SIZE_MAX leaves its live log and at most LEDGER_LOG_FILES
# rotated ones, the newest (.1) ending where the live one goes on.
# The copy runs at the lowest CPU priority, on time the node leaves idle (a spy cp notes its niceness).
case_rotate="a log driven past its size limit rotates, keeping at most LEDGER_LOG_FILES rotated files, copied at niceness 19"
rot=$sup_run/rotation
mkdir -p "$rot/spy"
printf '#!/bin/sh\nnice >>"%s/cp-niceness"\nexec %s "$@"\n' "$rot" "$(command -v cp)" >"$rot/spy/cp"
chmod +x "$rot/spy/cp"
# The supervisor appends to the log it rotates, as start_process sets it up.
# shellcheck disable=SC2094
PATH="$rot/spy:$PATH" LEDGER_LOG_SIZE_MAX=8K LEDGER_LOG_FILES=2 LEDGER_PROBE_INTERVAL=0.2 setsid "$supervise" chatty "$rot" --log "$rot/chatty.log" -- \
  sh -c 'i=0; while :; do i=$((i + 1)); printf "line %07d of a chatty process, long enough to fill a log quickly\n" "$i"; done' \
  >>"$rot/chatty.log" 2>&1 </dev/null &
chatty=$!
if wait_for 30 test -f "$rot/chatty.log.2"; then
  sleep 1
  kill -TERM "$chatty" 2>/dev/null
  wait "$chatty" 2>/dev/null
  rotated=("$rot"/chatty.log.*)
  first_live=$(grep -m 1 -o '^line [0-9]*' "$rot/chatty.log" | cut -d' ' -f2)
  last_rotated=$(grep -o '^line [0-9]*' "$rot/chatty.log.1" | tail -n 1 | cut -d' ' -f2)
  if [[ ${#rotated[@]} != 2 || ! -f $rot/chatty.log.1 ]]; then ko "$case_rotate" "rotated files: ${rotated[*]##*/}"
  elif ((10#$last_rotated >= 10#$first_live)); then ko "$case_rotate" "chatty.log.1 ends at line $last_rotated, after the live log's first $first_live"
  elif [[ $(sort -u "$rot/cp-niceness" 2>/dev/null) != 19 ]]; then ko "$case_rotate" "copied at niceness: $(sort -u "$rot/cp-niceness" 2>/dev/null | tr '\n' ' ')"
  else ok "$case_rotate"; fi
else
  kill -TERM "$chatty" 2>/dev/null
  ko "$case_rotate" "no chatty.log.2 within 30 s: $(printf '%s ' "$rot"/chatty.log*)"
fi

# A hung process (SIGSTOP) still holds its port; only its probe tells. It is killed and restarted.
web_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LEDGER_PROBE_INTERVAL=1 LEDGER_PROBE_TIMEOUT=1 LEDGER_PROBE_FAILURES=2 \
  setsid "$supervise" web "$sup_run" --probe http "http://127.0.0.1:$web_port/" -- \
  python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$sup_run" >"$sup_run/web.log" 2>&1 </dev/null &
web_sup=$!
# Interrupted or not, this supervisor and its server do not outlive the tests.
trap 'kill -TERM "$web_sup" 2>/dev/null' EXIT
if wait_for 20 eval '[[ $(state_of "$sup_run" web) == live ]]'; then
  hung=$(child_of "$sup_run" web)
  kill -STOP "$hung"
  if wait_for 30 eval '[[ $(child_of "$sup_run" web) != "$hung" && $(state_of "$sup_run" web) == live ]]' \
    && grep -q 'liveness probe failed 2 times in a row' "$sup_run/web.log" && [[ ! -d /proc/$hung ]]; then
    ok "a hung process is detected by its probe, killed and restarted"
  else ko "a hung process is detected by its probe, killed and restarted" "not restarted within 30 s: $(tail -n 1 "$sup_run/web.log")"; fi
else
  ko "a hung process is detected by its probe, killed and restarted" "never live: $(tail -n 1 "$sup_run/web.log")"
fi

# Probing is cheap: every interval a supervisor probes in a fork of its own shell, starting none of the programs its
# probes used to (curl, pg_isready, timeout, a new bash) nor numfmt; only `sleep` (its waits) and `stat`. A dozen
# supervisors starting them every 2 s took the CPU from the node in bursts: paced reads' p99 went from 4-6 ms with the
# supervisors stopped to 10-22 ms with them running.
case_cheap="a supervisor probing a live process every interval starts no probing program"
spy=$scratch/spy-bin
mkdir -p "$spy"
for program in curl pg_isready timeout bash numfmt; do
  real=$(command -v "$program") || continue
  printf '#!/bin/sh\necho %s >>"%s/started"\nexec %s "$@"\n' "$program" "$spy" "$real" >"$spy/$program"
  chmod +x "$spy/$program"
done
quiet_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The supervisor appends to the log it rotates, as start_process sets it up.
# shellcheck disable=SC2094
PATH="$spy:$PATH" LEDGER_PROBE_INTERVAL=0.3 setsid "$supervise" quiet "$sup_run" --probe http "http://127.0.0.1:$quiet_port/" \
  --log "$sup_run/quiet.log" -- python3 -m http.server "$quiet_port" --bind 127.0.0.1 --directory "$sup_run" \
  >>"$sup_run/quiet.log" 2>&1 </dev/null &
quiet_sup=$!
if wait_for 20 eval '[[ $(state_of "$sup_run" quiet) == live ]]'; then
  rm -f "$spy/started"
  sleep 3
  if [[ $(state_of "$sup_run" quiet) != live ]]; then ko "$case_cheap" "no longer live: $(tail -n 1 "$sup_run/quiet.log")"
  elif [[ -s $spy/started ]]; then ko "$case_cheap" "in 3 s (10 intervals) it started: $(sort "$spy/started" | uniq -c | tr -s ' \n' ' ')"
  else ok "$case_cheap"; fi
else
  ko "$case_cheap" "never live: $(tail -n 1 "$sup_run/quiet.log")"
fi
kill -TERM "$quiet_sup" 2>/dev/null
wait "$quiet_sup" 2>/dev/null

# Stopped at any moment of its round, a supervisor stops its process and itself, and never restarts it: ten supervisors
# probing every 50 ms, each of a process that takes a second to stop, get SIGTERM at staggered moments. (Sleeping with
# `read -t` lost the stop: bash ran the trap inside the read, whose timeout cut it short, and the supervisor went on.)
case_stop_any="a supervisor stopped at any moment of its probing stops, and never restarts its process"
stop_run=$sup_run/stop-any
mkdir -p "$stop_run"
stop_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$stop_port" --bind 127.0.0.1 --directory "$stop_run" >/dev/null 2>&1 &
stop_target=$!
stop_sups=()
for i in 0 1 2 3 4 5 6 7 8 9; do
  LEDGER_PROBE_INTERVAL=0.05 setsid "$supervise" "slow$i" "$stop_run" --probe http "http://127.0.0.1:$stop_port/" -- \
    sh -c 'trap "sleep 1; exit 0" TERM; while :; do sleep 0.1; done' >>"$stop_run/slow$i.log" 2>&1 </dev/null &
  stop_sups+=($!)
done
if wait_for 20 eval '[[ $(grep -l "^live" "$stop_run"/slow*.state 2>/dev/null | wc -l) == 10 ]]'; then
  for pid in "${stop_sups[@]}"; do
    kill -TERM "$pid"
    sleep 0.013
  done
  wait_for 15 eval '! kill -0 '"${stop_sups[*]}"' 2>/dev/null' || true
  left=$(for pid in "${stop_sups[@]}"; do kill -0 "$pid" 2>/dev/null && printf '%s ' "$pid"; done)
  if [[ -n $left ]]; then ko "$case_stop_any" "supervisors still running 15 s after SIGTERM: $left"
  elif grep -q "restart 1" "$stop_run"/slow*.log; then ko "$case_stop_any" "restarted after SIGTERM: $(grep -l "restart 1" "$stop_run"/slow*.log | tr '\n' ' ')"
  elif [[ $(grep -l "^stopped" "$stop_run"/slow*.state | wc -l) != 10 ]]; then ko "$case_stop_any" "not all stopped: $(cat "$stop_run"/slow*.state | cut -d' ' -f1 | tr '\n' ' ')"
  else ok "$case_stop_any"; fi
else
  ko "$case_stop_any" "not all live within 20 s"
fi
# Whatever a failing supervisor left: it and its forks (its group), and its process (a session of its own).
for pid in "${stop_sups[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
for child in "$stop_run"/*.child; do
  [[ -f $child ]] && kill -KILL -- "-$(cut -d' ' -f1 "$child")" 2>/dev/null
done
kill "$stop_target" 2>/dev/null
wait "$stop_target" 2>/dev/null

# The scripts take a process's probe from the roster the generator wrote (here one written by hand, around the
# server above): one that answers is live, one that does not is not, and an unknown name is refused naming the roster's.
fake=$scratch/roster-home
mkdir -p "$fake/network"
: >"$fake/network/network.env"
printf '# name\tkind\torg\tports\tliveness\treadiness\tafter\nweb\treconciler\tOrg1\t%s\thttp http://127.0.0.1:%s/\t-\t-\nshut\treconciler\tOrg1\t1\ttcp 127.0.0.1:1\t-\t-\n' \
  "$web_port" "$web_port" >"$fake/network/roster.tsv"
if LEDGER_HOME=$fake "$ledger" probe web && ! LEDGER_HOME=$fake "$ledger" probe shut 2>/dev/null; then ok "probe takes each process's probe from the roster"
else ko "probe takes each process's probe from the roster" "web (port $web_port) not live, or shut (port 1) live"; fi
expect_failure "probe refuses a process the roster does not list, naming those it does" \
  "no process named 'nosuch' in this network (processes: web shut" env LEDGER_HOME="$fake" "$ledger" probe nosuch

kill -TERM "$web_sup" 2>/dev/null
wait "$web_sup" 2>/dev/null
if [[ $(state_of "$sup_run" web) == stopped && -z $(ss -Hltn "sport = :$web_port") ]]; then ok "a stopped supervisor stops its process"
else ko "a stopped supervisor stops its process" "state $(state_of "$sup_run" web); port $web_port still listening?"; fi

# The cases of supervision, health and per-org nodes on a running scratch network (LEDGER_HOME), in this order.
network_case_names() {
  cat <<'NAMES'
each member org's node reads its own mirror, fed by its own bridge from its own peer
the builtin PostgreSQL probe tells a running server from a hung one
status shows a killed process as restarting, then live again
a SIGKILLed orderer comes back by itself within 90 s
a SIGKILLed peer comes back by itself within 90 s
a SIGKILLed chaincode server comes back by itself within 90 s
a SIGKILLed PostgreSQL comes back by itself within 90 s
a SIGKILLed sync-bridge comes back by itself within 90 s
a SIGKILLed node-service comes back by itself within 90 s
a SIGKILLed reconciler comes back by itself within 90 s
a SIGSTOPped node-service is detected by its probe and restarted
up on a partly stopped node starts what is stopped
systemd-units writes a unit for every process, with its probe
a rebuild leaves the jars and libs every running Java process runs byte-identical
up after a stop runs the new build
NAMES
}

network_cases() {
  local run=$LEDGER_HOME/run off=$LEDGER_PORT_OFFSET name out
  local case1 case2 case3 case4 case5 case6 case7 case8 case9 case10 case11 case12 case13 case14 case15
  { read -r case1; read -r case2; read -r case3; read -r case4; read -r case5; read -r case6; read -r case7; read -r case8
    read -r case9; read -r case10; read -r case11; read -r case12; read -r case13; read -r case14; read -r case15; } \
    < <(network_case_names)

  # Org2's node: its own database (port +1), its own bridge (port +1) connected to Org2's peer, and node-service.Org2
  # told to read that database.
  local bridge2 svc2
  bridge2=$(child_of "$run" sync-bridge.Org2)
  svc2=$(child_of "$run" node-service.Org2)
  if ! grep -q "^member.Org2.database.jdbcUrl=jdbc:postgresql://127.0.0.1:$((25433 + off))/ledger$" "$LEDGER_HOME/network/node.properties"; then
    ko "$case1" "node.properties names no database of Org2's own"
  elif ! tr '\0' '\n' <"/proc/$svc2/cmdline" | grep -qx -- "-Dnode.mirror.jdbc-url=jdbc:postgresql://127.0.0.1:$((25433 + off))/ledger"; then
    ko "$case1" "node-service.Org2 is not told to read Org2's mirror"
  elif ! ss -Htnp | grep "pid=$bridge2," | grep -q ":$((7061 + off)) " || ! ss -Htnp | grep "pid=$bridge2," | grep -q ":$((25433 + off)) "; then
    ko "$case1" "sync-bridge.Org2 is not connected to Org2's peer ($((7061 + off))) and Org2's database ($((25433 + off)))"
  elif ! curl -sf "http://127.0.0.1:$((9471 + off))/health/ready" >/dev/null || ! curl -sf "http://127.0.0.1:$((8081 + off))/health/ready" >/dev/null; then
    ko "$case1" "Org2's bridge or node is not ready"
  else ok "$case1"; fi

  # The postmaster answers the protocol; SIGSTOPped, it still accepts TCP connections but answers nothing.
  local postmaster
  postmaster=$(head -n 1 "$LEDGER_HOME/postgres.Org2/data/postmaster.pid")
  if ! LEDGER_PROBE_PG=builtin "$probe" pg "127.0.0.1:$((25433 + off))" 2; then ko "$case2" "a running server failed the probe"
  else
    kill -STOP "$postmaster"
    if LEDGER_PROBE_PG=builtin "$probe" pg "127.0.0.1:$((25433 + off))" 2; then ko "$case2" "a stopped server passed the probe"
    else ok "$case2"; fi
    kill -CONT "$postmaster"
  fi

  # Kill one process of each kind at once; each must be back, a new process answering its probe.
  local names=(orderer0.orderer.ledger.local peer0.org2.ledger.local ccaas.org1.ledger.local postgres sync-bridge node-service reconciler)
  local cases=("$case4" "$case5" "$case6" "$case7" "$case8" "$case9" "$case10")
  declare -A old=()
  for name in "${names[@]}"; do
    old[$name]=$(child_of "$run" "$name")
    kill -KILL "${old[$name]}"
  done
  sleep 0.2
  local rc restarting_seen=0
  out=$("$ledger" status 2>&1)
  rc=$?
  [[ $rc -ne 0 && $out =~ node-service\ +restarting ]] && restarting_seen=1
  local i
  for i in "${!names[@]}"; do
    name=${names[$i]}
    if wait_for 90 eval '[[ $(child_of "$run" "$name") != "${old[$name]}" && $(state_of "$run" "$name") == live ]]'; then
      ok "${cases[$i]}"
    else ko "${cases[$i]}" "state $(state_of "$run" "$name"); see $LEDGER_HOME/logs/$name.log"; fi
  done
  # At least the one restart the kill caused: with seven processes coming back at once on a small machine, a probe
  # may also time out once more and restart it again, which is supervision working, not failing.
  local final=""
  if ((restarting_seen)) && wait_for 90 "$ledger" status >/dev/null 2>&1 \
    && final=$("$ledger" status 2>/dev/null | grep -E "^  node-service ") \
    && [[ $final =~ ^\ \ node-service\ +(live|ready)\ +pid\ [0-9]+\ +restarts\ [1-9][0-9]*\  ]]; then ok "$case3"
  else ko "$case3" "status right after the kill: $(grep node-service <<<"$out" | head -n 1); at the end: ${final:-$("$ledger" status 2>&1 | grep -v ' live \| ready ' | head -n 3 | tr '\n' ' ')}"; fi

  # A hung node-service: its port still accepts connections; its probe fails three times and it is replaced.
  local hung
  hung=$(child_of "$run" node-service.Org2)
  kill -STOP "$hung"
  if wait_for 60 eval '[[ $(child_of "$run" node-service.Org2) != "$hung" && $(state_of "$run" node-service.Org2) == live ]]' \
    && grep -q 'liveness probe failed 3 times in a row' "$LEDGER_HOME/logs/node-service.Org2.log" && [[ ! -d /proc/$hung ]]; then ok "$case11"
  else ko "$case11" "not replaced within 60 s: $(grep '===' "$LEDGER_HOME/logs/node-service.Org2.log" | tail -n 1)"; fi

  # Issue 16 (4): a rebuild while the node runs. The build is forced to differ (another output timestamp) and rewrites
  # target/ in place, as mvn package and mvn install do; what every running Java process has open stays as it was.
  local java_names=() sums_before sums_after service_jar_before
  mapfile -t java_names < <(grep -v '^#' "$LEDGER_HOME/network/roster.tsv" | awk -F'\t' '$2 ~ /^(postgres|sync-bridge|node-service|reconciler)$/ {print $1}')
  sums_before=$(java_sums "$run" "${java_names[@]}")
  service_jar_before=$(jar_files_of "$(child_of "$run" node-service)" | head -n 1)
  if ! out=$(cd "$repo" && mvn -B -q -Dmaven.test.skip=true -Dmaven.jar.forceCreation=true \
    -Dproject.build.outputTimestamp="$(date -u +%FT%TZ)" -pl sync-bridge,node-service,reconciler -am package 2>&1); then
    ko "$case14" "the rebuild failed: $(tail -n 1 <<<"$out")"
  else
    sums_after=$(java_sums "$run" "${java_names[@]}")
    if [[ -z $sums_before || $(wc -l <<<"$sums_before") -lt ${#java_names[@]} ]]; then ko "$case14" "no jars found for ${java_names[*]}"
    elif [[ $sums_after != "$sums_before" ]]; then ko "$case14" "changed: $(diff <(echo "$sums_before") <(echo "$sums_after") | grep '^>' | head -n 1)"
    elif cmp -s "$service_jar_before" "$repo/node-service/target/node-service.jar"; then ko "$case14" "the rebuild did not change target/node-service.jar"
    else ok "$case14"; fi
  fi

  # Stopped, not killed: no supervisor brings these back; `up` does, and leaves the rest as it is.
  kill -TERM "$(cut -d' ' -f1 "$run/sync-bridge.Org2.pid")" "$(cut -d' ' -f1 "$run/node-service.pid")"
  local peer_before
  peer_before=$(child_of "$run" peer0.org1.ledger.local)
  wait_for 30 eval '[[ $(state_of "$run" sync-bridge.Org2) == stopped && $(state_of "$run" node-service) == stopped ]]'
  out=$("$ledger" status 2>&1)
  rc=$?
  if [[ $rc -eq 0 || ! $out =~ sync-bridge.Org2\ +stopped || ! $out =~ node-service\ +stopped ]]; then
    ko "$case12" "status did not show both stopped with a non-zero exit: $out"
  elif ! out=$("$ledger" up 2>&1); then ko "$case12" "up failed: $(tail -n 1 <<<"$out")"
  elif [[ $out == *"already up"* || $out != *"started sync-bridge.Org2"* || $out != *"started node-service: REST on"* ]]; then
    ko "$case12" "up did not say it started both: $(grep -E 'started|already' <<<"$out" | tr '\n' ' ')"
  elif [[ $(child_of "$run" peer0.org1.ledger.local) != "$peer_before" ]] || ! "$ledger" status >/dev/null 2>&1; then
    ko "$case12" "a running process was restarted, or status is not all live afterwards"
  else ok "$case12"; fi

  # node-service, stopped and started again by `up` above, runs the build now in target/ (a pinned copy of it).
  local service_jar
  service_jar=$(jar_files_of "$(child_of "$run" node-service)" | head -n 1)
  if [[ -z $service_jar || $service_jar == "$service_jar_before" ]]; then ko "$case15" "node-service still runs $service_jar"
  elif [[ $service_jar != "$LEDGER_HOME"/jars/* ]]; then ko "$case15" "node-service runs $service_jar, not a copy pinned in $LEDGER_HOME/jars"
  elif ! cmp -s "$service_jar" "$repo/node-service/target/node-service.jar"; then ko "$case15" "$service_jar is not the new build"
  else ok "$case15"; fi

  # systemd units: one per process plus the probe template, each restarting on failure and started by the target.
  local units=$scratch/units count
  rm -rf "$units"
  if ! out=$("$ledger" systemd-units "$units" 2>&1); then ko "$case13" "$(tail -n 1 <<<"$out")"
  else
    count=$(process_count)
    local services=("$units"/ledger-*.service)
    if [[ $((${#services[@]} - 1)) != "$count" ]]; then
      ko "$case13" "${services[*]##*/} is not one unit per process ($count) and the probe template"
    elif [[ $(grep -l '^Restart=on-failure$' "$units"/ledger-*.service | wc -l) != "$count" \
      || $(grep -c "^Wants=ledger-.*\.service ledger-probe@.*\.timer$" "$units/ledger-node.target") != "$count" \
      || ! -f $units/ledger-probe@.timer ]] \
      || ! grep -q "^ExecStart=$repo/scripts/ledger run-process node-service.Org2$" "$units/ledger-node-service.Org2.service" \
      || ! grep -q "^ExecStart=$repo/scripts/ledger probe %i --systemd$" "$units/ledger-probe@.service" \
      || ! grep -q "^LEDGER_HOME=\"$LEDGER_HOME\"$" "$units/ledger-node.env"; then
      ko "$case13" "a unit lacks Restart=on-failure, its command, its probe timer or the settings"
    elif ! command -v systemd-analyze >/dev/null 2>&1; then
      ok "$case13 (systemd-analyze not installed: contents checked only)"
    elif ! out=$(cd "$units" && systemd-analyze verify --man=no ./*.service ./*.timer ./*.target \
      ledger-probe@node-service.service ledger-probe@node-service.timer 2>&1) || [[ -n $out ]]; then
      # Unknown keys are only warnings (exit 0): any output at all fails the case.
      ko "$case13" "systemd-analyze verify: $(head -n 1 <<<"$out")"
    else
      ok "$case13 (systemd-analyze verify accepts them)"
    fi
  fi
}

# jar_files_of PID: the jar a Java process runs (after -jar or -cp on its command line), then the libs/ beside it.
jar_files_of() {
  local jar
  jar=$(tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | awk 'prev == "-jar" || prev == "-cp" {print; exit} {prev = $0}')
  [[ -n $jar ]] || return 1
  printf '%s\n' "$jar"
  [[ ! -d $(dirname "$jar")/libs ]] || printf '%s\n' "$(dirname "$jar")"/libs/*
}

# java_sums RUN_DIR NAME...: for each process, its name and the SHA-256 of everything it runs, one line each.
java_sums() {
  local run=$1 name files
  shift
  for name in "$@"; do
    mapfile -t files < <(jar_files_of "$(child_of "$run" "$name")")
    ((${#files[@]})) && printf '%s %s\n' "$name" "$(sha256sum "${files[@]}" | sha256sum | cut -c1-16)"
  done
}

# How many processes the running scratch network has (one line each in status).
process_count() { "$ledger" status 2>/dev/null | grep -c '^  '; }

# ha_ordering_case DESCRIPTION [PEER_CASE]: a scratch network of networks/DESCRIPTION, whose ordering tolerates one
# orderer down. Its ordering leader is stopped for good (its supervisor too, so nothing restarts it): a write through
# node-service must still commit. Then `up` starts it again and it catches up with the others' chain. With PEER_CASE
# (the case's name; the network has two peers per org), the same for Org1's gateway peer: Org1's node writes and reads
# through its second peer.
ha_ordering_case() {
  local description=$1 name
  name="ordering of $description goes on with its leader stopped, and the leader catches up after up"
  export LEDGER_NETWORK=$repo/network-config/networks/$description LEDGER_HOME=$scratch/ha-${description%.yaml}
  export LEDGER_PORT_OFFSET=$LEDGER_OPERATOR_PORT_OFFSET
  "$ledger" down --wipe >/dev/null 2>&1
  if ! "$ledger" up >"$LEDGER_HOME.up.log" 2>&1; then
    ko "$name" "up failed: $(tail -n 1 "$LEDGER_HOME.up.log")"
    [[ -z $2 ]] || ko "$2" "up failed"
  else
    ha_ordering_check "$name"
    [[ -z $2 ]] || ha_peer_check "$2"
  fi
  "$ledger" down --wipe >/dev/null 2>&1
  unset LEDGER_NETWORK LEDGER_HOME LEDGER_PORT_OFFSET
}

# join_org_case: a scratch network of local.yaml's two orgs, running, with money on it; then Org3 is written into its
# description, and join-org makes it a member of the running channel with its own complete node.
join_org_names() {
  cat <<'NAMES'
up refuses an org written into the description that the channel does not have, naming join-org
join-org names an org the description does not have
join-org adds an org to the running channel, signed by a majority of the members, and its own node serves
a joined org's node proves a transfer with every member org's attestation, its own among them
join-org again finds the org a member and changes nothing
NAMES
}

join_org_case() {
  local refused unknown joined proved again out code r tx
  { read -r refused; read -r unknown; read -r joined; read -r proved; read -r again; } < <(join_org_names)
  export LEDGER_NETWORK=$scratch/join.yaml LEDGER_HOME=$scratch/join LEDGER_PORT_OFFSET=$LEDGER_OPERATOR_PORT_OFFSET
  local org1=http://127.0.0.1:$((8080 + LEDGER_PORT_OFFSET)) org2=http://127.0.0.1:$((8081 + LEDGER_PORT_OFFSET))
  local org3=http://127.0.0.1:$((8082 + LEDGER_PORT_OFFSET)) issuer operator auditor
  cp "$repo/network-config/networks/local.yaml" "$LEDGER_NETWORK"
  "$ledger" down --wipe >/dev/null 2>&1
  if ! "$ledger" up >"$LEDGER_HOME.up.log" 2>&1 || ! issuer=$("$ledger" token --role issuer) \
    || ! operator=$("$ledger" token --role operator) || ! auditor=$("$ledger" token --role auditor) \
    || [[ $(ha_post /v1/assets "$issuer" j-a '{"code":"JNX","decimals":2}') != 2* \
      || $(ha_post /v1/accounts "$operator" j-b '{"id":"j-1","asset":"JNX","ownerRef":"j","jurisdiction":"DE"}') != 2* \
      || $(ha_post /v1/mint "$issuer" j-c '{"account":"j-1","amount":"100"}') != 2* ]]; then
    while IFS= read -r name; do ko "$name" "the two-org network did not come up with money on it: $(tail -n 1 "$LEDGER_HOME.up.log")"; done < <(join_org_names)
  else
    # local.yaml's orgs section is its last: Org3 follows Org2, with ports of its own.
    cat >>"$LEDGER_NETWORK" <<'ORG3'
  - name: Org3
    mspId: Org3MSP
    domain: org3.ledger.local
    users: 2
    peers:
      - name: peer0
        host: 127.0.0.1
        port: 7071
        chaincodePort: 7072
        operationsPort: 9446
    chaincodeServer:
      host: 127.0.0.1
      port: 7074
    node:
      host: 127.0.0.1
ORG3
    expect_failure "$refused" "Org3 is in the description but not a member of channel ledger yet: run scripts/ledger join-org Org3" "$ledger" up
    expect_failure "$unknown" "no org named 'Org9' in $LEDGER_NETWORK" "$ledger" join-org Org9
    if ! out=$("$ledger" join-org Org3 2>&1); then ko "$joined" "$(tail -n 1 <<<"$out")"
    elif [[ $out != *"signing the update as Org1's admin"* || $out != *"submitting the update as Org2's admin (2 of 2 member orgs sign)"* ]]; then
      ko "$joined" "the update was not signed by Org1 and submitted by Org2: $(grep '==>' <<<"$out" | tr '\n' ' ')"
    elif ! r=$(curl -s --max-time 90 -X POST "$org3/v1/accounts" -H "Authorization: Bearer $operator" -H 'Idempotency-Key: j-d' \
      -H 'Content-Type: application/json' -d '{"id":"j-3","asset":"JNX","ownerRef":"j3","jurisdiction":"DE"}') \
      || [[ $r != *'"custodianMsp":"Org3MSP"'* ]]; then
      ko "$joined" "Org3's node did not open an account held by Org3: $r"
    elif ! r=$(curl -s --max-time 90 -X POST "$org1/v1/transfers" -H "Authorization: Bearer $operator" -H 'Idempotency-Key: j-e' \
      -H 'Content-Type: application/json' -d '{"from":"j-1","to":"j-3","asset":"JNX","amount":"30"}') || [[ $r != *'"status":"COMMITTED"'* ]]; then
      ko "$joined" "a transfer into Org3's account did not commit: $r"
    elif ! wait_for 60 eval '[[ $(curl -s "$org3/v1/accounts/j-3" -H "Authorization: Bearer $operator") == *"\"balance\":\"30\""* \
      && $(curl -s "$org2/v1/accounts/j-3" -H "Authorization: Bearer $operator") == *"\"balance\":\"30\""* ]]'; then
      ko "$joined" "Org3's and Org2's mirrors do not both show 30 in j-3: Org3's $(curl -s "$org3/v1/accounts/j-3" -H "Authorization: Bearer $operator"), Org2's $(curl -s "$org2/v1/accounts/j-3" -H "Authorization: Bearer $operator")"
    elif ! "$ledger" status >/dev/null 2>&1; then ko "$joined" "status is not all live: $("$ledger" status 2>&1 | grep -v ' live \| ready ' | head -n 3 | tr '\n' ' ')"
    else ok "$joined"; fi

    tx=$(sed -n 's/.*"txId":"\([0-9a-f]*\)".*/\1/p' <<<"${r:-}")
    code=$(curl -s -o "$scratch/join-proof.json" -w '%{http_code}' --max-time 90 "$org3/v1/proofs/$tx" -H "Authorization: Bearer $auditor")
    if [[ $code != 200 ]]; then ko "$proved" "GET /v1/proofs/$tx on Org3's node answered $code"
    elif ! out=$("$ledger" verify-proof "$scratch/join-proof.json" 2>&1); then ko "$proved" "$(grep -m 1 '^FAIL' <<<"$out")"
    elif [[ $out != *"Org1MSP, Org2MSP, Org3MSP attest the same validation flags"*"(3 member org(s)"* ]]; then
      ko "$proved" "$(grep validity-attestations <<<"$out")"
    else ok "$proved"; fi

    if ! out=$("$ledger" join-org Org3 2>&1); then ko "$again" "$(tail -n 1 <<<"$out")"
    elif [[ $out != *"Org3 is a member of channel ledger already"* || $out == *"signing the update"* || $out == *"approving"* || $out == *"started "* ]]; then
      ko "$again" "it did more than find Org3 a member: $(grep -E '==>|started' <<<"$out" | tr '\n' ' ')"
    else ok "$again"; fi
  fi
  "$ledger" down --wipe >/dev/null 2>&1
  unset LEDGER_NETWORK LEDGER_HOME LEDGER_PORT_OFFSET
}

# ha_post PATH TOKEN KEY BODY: the HTTP status of a write to Org1's node (000 when none came within 90 s).
ha_post() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 90 -X POST "http://127.0.0.1:$((8080 + LEDGER_PORT_OFFSET))$1" \
    -H "Authorization: Bearer $2" -H "Idempotency-Key: $3" -H 'Content-Type: application/json' -d "$4"
}
# ledger_lib FUNCTION ARGS...: a function of scripts/lib run against the network at LEDGER_HOME, as the scripts run it.
ledger_lib() {
  # The sourcing happens in the child shell: its $0 is the lib directory, its "$@" the function and its arguments.
  bash -c 'for f in config common processes services network; do source "$0/$f.sh"; done; source "$(network_env)"; "$@"' \
    "$repo/scripts/lib" "$@"
}
# ha_height NAME: an orderer's or a peer's height of channel ledger, from its operations metrics.
ha_height() {
  curl -sf --max-time 5 "$(ledger_lib metrics_url "$1")" | awk '/^ledger_blockchain_height\{channel="ledger"\}/ {print $2}'
}

# ha_stop_and_mint NAME PROCESS AMOUNT: stops PROCESS for good (its supervisor too, so nothing restarts it), then mints
# AMOUNT into account ha-1 through Org1's node; sets ha_after to the seconds the mint took. Reports NAME failed and
# returns 1 when either does not happen.
ha_stop_and_mint() {
  local name=$1 process=$2 issuer code t0
  if ! issuer=$("$ledger" token --role issuer); then ko "$name" "no issuer token"; return 1; fi
  kill -TERM "$(cut -d' ' -f1 "$LEDGER_HOME/run/$process.pid")"
  if ! wait_for 30 eval '[[ $(state_of "$LEDGER_HOME/run" "$process") == stopped ]]'; then ko "$name" "$process did not stop"; return 1; fi
  t0=$SECONDS
  code=$(ha_post /v1/mint "$issuer" "ha-$process" "{\"account\":\"ha-1\",\"amount\":\"$3\"}")
  ha_after=$((SECONDS - t0))
  if [[ $code != 2* ]]; then ko "$name" "a mint with $process stopped answered $code after $ha_after s"; return 1; fi
}

# ha_back NAME PROCESS OTHER: `up` starts PROCESS again and it reaches OTHER's height within 90 s; reports NAME.
ha_back() {
  local name=$1 process=$2 other=$3
  if ! "$ledger" up >"$LEDGER_HOME.up-$process.log" 2>&1; then ko "$name" "up after the stop failed: $(tail -n 1 "$LEDGER_HOME.up-$process.log")"
  elif ! wait_for 90 eval '[[ -n $(ha_height "$process") && $(ha_height "$process") == "$(ha_height "$other")" ]]'; then
    ko "$name" "$process is at height $(ha_height "$process") 90 s after up, $other at $(ha_height "$other")"
  else ok "$name (the mint committed $ha_after s after $process stopped)"; fi
}

# ha_ordering_check NAME: the ordering case itself, on the running scratch network; reports NAME passed or failed.
ha_ordering_check() {
  local name=$1 roster=$LEDGER_HOME/network/roster.tsv issuer operator leader="" o orderers=()
  if ! issuer=$("$ledger" token --role issuer) || ! operator=$("$ledger" token --role operator); then ko "$name" "no tokens"; return; fi
  if [[ $(ha_post /v1/assets "$issuer" ha-a '{"code":"HAX","decimals":2}') != 2* \
    || $(ha_post /v1/accounts "$operator" ha-b '{"id":"ha-1","asset":"HAX","ownerRef":"ha","jurisdiction":"DE"}') != 2* \
    || $(ha_post /v1/mint "$issuer" ha-c '{"account":"ha-1","amount":"100"}') != 2* ]]; then
    ko "$name" "the set-up writes failed with every orderer up"; return
  fi
  mapfile -t orderers < <(awk -F'\t' '$2 == "orderer" {print $1}' "$roster")
  for o in "${orderers[@]}"; do
    if ledger_lib is_ordering_leader "$o"; then leader=$o; fi
  done
  if [[ -z $leader ]]; then ko "$name" "no orderer reports itself leader"; return; fi
  ha_stop_and_mint "$name" "$leader" 5 || return
  ha_back "$name" "$leader" "$(awk -F'\t' -v l="$leader" '$2 == "orderer" && $1 != l {print $1; exit}' "$roster")"
}

# ha_peer_check NAME: on the running scratch network whose ha_ordering_check wrote account ha-1 (105 HAX minor units):
# Org1's gateway peer stopped for good, Org1's node still writes, and its mirror (its bridge failing over to the org's
# second peer) shows the write; after `up` the first peer is back and catches up with the second.
ha_peer_check() {
  local name=$1 first=peer0.org1.ledger.local reader url="http://127.0.0.1:$((8080 + LEDGER_PORT_OFFSET))/v1/accounts/ha-1"
  if ! reader=$("$ledger" token --role operator); then ko "$name" "no tokens"; return; fi
  ha_stop_and_mint "$name" "$first" 7 || return
  if ! wait_for 60 eval 'curl -sf --max-time 5 "$url" -H "Authorization: Bearer $reader" | grep -q "\"balance\":\"112\""'; then
    ko "$name" "Org1's mirror does not show the mint 60 s later: $(curl -s --max-time 5 "$url" -H "Authorization: Bearer $reader")"
  else ha_back "$name" "$first" peer1.org1.ledger.local; fi
}

if ((fabric_ok)); then
  home=$scratch/net
  export LEDGER_HOME=$home LEDGER_PORT_OFFSET=$LEDGER_OPERATOR_PORT_OFFSET
  "$ledger" down --wipe >/dev/null 2>&1
  if "$ledger" up >"$scratch.up.log" 2>&1; then
    out=$("$ledger" up 2>&1)
    if [[ $? -eq 0 && $out == *"is already up"* ]]; then ok "up twice reuses the running network"; else ko "up twice reuses the running network" "$(tail -n 1 <<<"$out")"; fi

    listed=$("$ledger" status 2>/dev/null | awk '/^  / {print $1}')
    if [[ -n $listed && $listed == "$(grep -v '^#' "$home/network/roster.tsv" | cut -f1)" ]]; then
      ok "status lists every process of the roster, in its order"
    else ko "status lists every process of the roster, in its order" "status listed: $(tr '\n' ' ' <<<"$listed")"; fi

    expect_failure "env names the orgs when asked for an unknown one" "no org named 'Org9'" "$ledger" env Org9
    out=$("$ledger" env Org2)
    if [[ $out == *"export CORE_PEER_LOCALMSPID='Org2MSP'"* && $out == *"export ORDERER_CA="* && $out == *"export LEDGER_CHAINCODE='ledger'"* \
      && $out == *"export LEDGER_PG_URL='postgresql://ledger_reader@127.0.0.1:$((25433 + LEDGER_PORT_OFFSET))/ledger'"* \
      && $out == *"export LEDGER_API_URL='http://127.0.0.1:$((8081 + LEDGER_PORT_OFFSET))'"* ]]; then
      ok "env prints the org admin's exports and its own node's mirror and API"; else ko "env prints the org admin's exports and its own node's mirror and API" "$out"; fi
    if (eval "$out" && peer lifecycle chaincode querycommitted -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" 2>/dev/null | grep -q 'Sequence: 1'); then
      ok "env lets Fabric's peer CLI query the committed chaincode"; else ko "env lets Fabric's peer CLI query the committed chaincode" "querycommitted failed"; fi

    out=$("$ledger" deploy-chaincode 2>&1)
    if [[ $out == *"is deployed at sequence 1 with this build"* ]]; then ok "deploy-chaincode with unchanged code changes nothing"
    else ko "deploy-chaincode with unchanged code changes nothing" "$(tail -n 1 <<<"$out")"; fi

    # An upgrade: another build (the same code plus one file, so another digest) goes in at the next sequence,
    # approved by every org, served by restarted chaincode servers, with the ledger's state carried over.
    upgraded=$scratch/upgraded.jar
    cp "$repo/chaincode/target/ledger-chaincode.jar" "$upgraded"
    (cd "$scratch" && echo "upgrade test" >upgrade-marker.txt && jar uf "$upgraded" upgrade-marker.txt)
    out=$(LEDGER_CHAINCODE_JAR=$upgraded "$ledger" deploy-chaincode 2>&1)
    if [[ $out != *"committed at sequence 2"* ]]; then
      ko "deploy-chaincode with new code upgrades to the next sequence" "$(tail -n 1 <<<"$out")"
    elif ! (eval "$("$ledger" env Org1)" \
      && peer lifecycle chaincode querycommitted -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" -O json 2>/dev/null | grep -q '"Org2MSP": *true' \
      && peer chaincode query -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" -c '{"function":"Governance:config","Args":[""]}' 2>/dev/null | grep -q '"issuerMsp":"Org1MSP"'); then
      ko "deploy-chaincode with new code upgrades to the next sequence" "sequence 2 not approved by both orgs, or the configuration did not carry over"
    else
      ok "deploy-chaincode with new code upgrades to the next sequence"
    fi

    # A second network on the same ports, elsewhere: the first port it needs is named.
    expect_failure "a port already taken is named" "port $((7050 + LEDGER_PORT_OFFSET)), needed by orderer0.orderer.ledger.local, is already in use" \
      env LEDGER_HOME="$scratch/clash" "$ledger" up
    env LEDGER_HOME="$scratch/clash" "$ledger" down --wipe >/dev/null 2>&1
    # A port inside the ephemeral range may be taken by any outgoing connection: refused before anything starts.
    read -r ephemeral_low _ </proc/sys/net/ipv4/ip_local_port_range
    expect_failure "a port in the ephemeral range is refused before anything starts" \
      "port $((ephemeral_low + 100)), needed by postgres, is in this host's ephemeral port range" \
      env LEDGER_HOME="$scratch/ephemeral" LEDGER_PG_PORT=$((ephemeral_low + 100 - LEDGER_PORT_OFFSET)) "$ledger" up
    if env LEDGER_HOME="$scratch/ephemeral" "$ledger" status >/dev/null 2>&1; then
      ko "a port in the ephemeral range is refused before anything starts" "processes were started"
    fi
    env LEDGER_HOME="$scratch/ephemeral" "$ledger" down --wipe >/dev/null 2>&1

    network_cases
    "$ledger" down >/dev/null 2>&1
    if "$ledger" status >/dev/null 2>&1; then ko "down stops every process" "status still reports running processes"
    elif [[ -n $(ls "$home/run/"*.pid 2>/dev/null) ]]; then ko "down stops every process" "pid files left"
    else ok "down stops every process"; fi
    # Restart from the stopped state: the same chain comes back.
    if "$ledger" up >"$scratch.restart.log" 2>&1 && "$ledger" status 2>/dev/null | grep -q "Sequence: 2"; then ok "up restarts a stopped network from its state, its chaincode as deployed"
    else ko "up restarts a stopped network from its state, its chaincode as deployed" "$(tail -n 1 "$scratch.restart.log")"; fi
    "$ledger" down --wipe >/dev/null 2>&1
    if [[ -d $home ]]; then ko "down --wipe removes the network's state" "$home still exists"; else ok "down --wipe removes the network's state"; fi
  else
    # Keep the scratch network's logs (the run's own directory is removed at the end) for whoever reads the failure.
    kept=$repo/.ledger/operator-failed-logs
    rm -rf "$kept" && mkdir -p "$kept" && cp -r "$home/logs" "$scratch.up.log" "$kept/" 2>/dev/null || true
    ko "up brings a scratch network up" "$(tail -n 1 "$scratch.up.log") (logs kept in $kept)"
    "$ledger" down --wipe >/dev/null 2>&1
  fi

  # A process that dies on start is named with its log: a file where the peer's data directory must go.
  export LEDGER_HOME=$scratch/dies LEDGER_PORT_OFFSET=$LEDGER_OPERATOR_PORT_OFFSET
  "$ledger" down --wipe >/dev/null 2>&1
  mkdir -p "$LEDGER_HOME/data" && : >"$LEDGER_HOME/data/peer0.org1.ledger.local"
  expect_failure "a process that dies on start is named with its log" \
    "peer0.org1.ledger.local exited during start; see $LEDGER_HOME/logs/peer0.org1.ledger.local.log" "$ledger" up
  "$ledger" down --wipe >/dev/null 2>&1
  unset LEDGER_HOME LEDGER_PORT_OFFSET
  ha_ordering_case local-ha.yaml "an org's node goes on through its second peer with its first stopped, which catches up after up"
  ha_ordering_case local-bft4.yaml ""
  join_org_case
else
  # The cases above that need a running network, each reported as skipped by name.
  while IFS= read -r name; do [[ -n $name ]] && skipped "$name"; done <<CASES
up twice reuses the running network
status lists every process of the roster, in its order
env names the orgs when asked for an unknown one
env prints the org admin's exports and its own node's mirror and API
env lets Fabric's peer CLI query the committed chaincode
deploy-chaincode with unchanged code changes nothing
deploy-chaincode with new code upgrades to the next sequence
a port already taken is named
a port in the ephemeral range is refused before anything starts
$(network_case_names)
down stops every process
up restarts a stopped network from its state, its chaincode as deployed
down --wipe removes the network's state
ordering of local-ha.yaml goes on with its leader stopped, and the leader catches up after up
an org's node goes on through its second peer with its first stopped, which catches up after up
ordering of local-bft4.yaml goes on with its leader stopped, and the leader catches up after up
a process that dies on start is named with its log
$(join_org_names)
CASES
fi
rm -rf "$scratch" "$scratch".*.log
printf 'operator: %d passed, %d failed, %d skipped\n' "$pass" "$fail" "$skip"
((fail == 0))
