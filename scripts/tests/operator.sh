#!/usr/bin/env bash
# Operator-facing behaviour of scripts/ledger, run for real: every mistake gets one clear line and a non-zero exit
# (never a hang), `up` is repeatable, and the chaincode servers are supervised. The cases that need Fabric run scratch
# networks of their own (ports moved well away from the local and test networks) and remove them afterwards.
# Prints "operator: N passed, N failed, N skipped" last; exits non-zero if any case failed.
set -u
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ledger=$repo/scripts/ledger
scratch=$repo/.ledger/operator-tests
pass=0 fail=0 skip=0
fabric_ok=$1 # 1 when Fabric is installed and the network cases can run

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

if ((fabric_ok)); then
  home=$scratch/net
  export LEDGER_HOME=$home LEDGER_PORT_OFFSET=2000
  "$ledger" down --wipe >/dev/null 2>&1
  if "$ledger" up >"$scratch.up.log" 2>&1; then
    out=$("$ledger" up 2>&1)
    if [[ $? -eq 0 && $out == *"is already up"* ]]; then ok "up twice reuses the running network"; else ko "up twice reuses the running network" "$(tail -n 1 <<<"$out")"; fi

    expect_failure "env names the orgs when asked for an unknown one" "no org named 'Org9'" "$ledger" env Org9
    out=$("$ledger" env Org2)
    if [[ $out == *"export CORE_PEER_LOCALMSPID='Org2MSP'"* && $out == *"export ORDERER_CA="* && $out == *"export LEDGER_CHAINCODE='ledger'"* \
      && $out == *"export LEDGER_PG_URL='postgresql://ledger_reader@127.0.0.1:$((55432 + LEDGER_PORT_OFFSET))/ledger'"* ]]; then
      ok "env prints the org admin's exports"; else ko "env prints the org admin's exports" "$out"; fi
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
    expect_failure "a port already taken is named" "port 9050, needed by orderer0.orderer.ledger.local, is already in use" \
      env LEDGER_HOME="$scratch/clash" "$ledger" up
    env LEDGER_HOME="$scratch/clash" "$ledger" down --wipe >/dev/null 2>&1

    # Supervision: kill the chaincode server hard; it is back on its port within seconds.
    sup=$(cut -d' ' -f1 "$home/run/ccaas.org1.ledger.local.pid")
    child=$(pgrep -P "$sup" java | head -n 1)
    port=$(( 7054 + LEDGER_PORT_OFFSET ))
    if [[ -n $child ]] && kill -KILL "$child"; then
      back=0
      for _ in $(seq 1 60); do
        sleep 0.5
        new=$(pgrep -P "$sup" java | head -n 1)
        if [[ -n $new && $new != "$child" && -n $(ss -Hltn "sport = :$port") ]]; then back=1; break; fi
      done
      if ((back)); then ok "a killed chaincode server is restarted by its supervisor"; else ko "a killed chaincode server is restarted by its supervisor" "not back within 30 s"; fi
    else
      ko "a killed chaincode server is restarted by its supervisor" "no chaincode server process found under supervisor $sup"
    fi

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
    ko "up brings a scratch network up" "$(tail -n 1 "$scratch.up.log")"
    "$ledger" down --wipe >/dev/null 2>&1
  fi

  # A process that dies on start is named with its log: a file where the peer's data directory must go.
  export LEDGER_HOME=$scratch/dies LEDGER_PORT_OFFSET=3000
  "$ledger" down --wipe >/dev/null 2>&1
  mkdir -p "$LEDGER_HOME/data" && : >"$LEDGER_HOME/data/peer0.org1.ledger.local"
  expect_failure "a process that dies on start is named with its log" \
    "peer0.org1.ledger.local exited during start; see $LEDGER_HOME/logs/peer0.org1.ledger.local.log" "$ledger" up
  "$ledger" down --wipe >/dev/null 2>&1
  unset LEDGER_HOME LEDGER_PORT_OFFSET
else
  # The cases above that need a running network, each reported as skipped by name.
  while IFS= read -r name; do [[ -n $name ]] && skipped "$name"; done <<'CASES'
up twice reuses the running network
env names the orgs when asked for an unknown one
env prints the org admin's exports
env lets Fabric's peer CLI query the committed chaincode
deploy-chaincode with unchanged code changes nothing
deploy-chaincode with new code upgrades to the next sequence
a port already taken is named
a killed chaincode server is restarted by its supervisor
down stops every process
up restarts a stopped network from its state, its chaincode as deployed
down --wipe removes the network's state
a process that dies on start is named with its log
CASES
fi
rm -rf "$scratch" "$scratch".*.log
printf 'operator: %d passed, %d failed, %d skipped\n' "$pass" "$fail" "$skip"
((fail == 0))
