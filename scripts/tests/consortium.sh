#!/usr/bin/env bash
# consortium.sh [DESCRIPTION]: a consortium across hosts, for real. Each host of the description
# (network-config/networks/consortium-netns.yaml by default: three Raft orderers, two orgs with two peers each, each
# org's node beside its first peer) becomes a Linux network namespace with its own address on one bridge. The test
# writes the bundles with `scripts/ledger generate`, starts each host's bundle with its start.sh inside its namespace,
# lets each org admin join its peers and approve the chaincode from its own bundle, and moves money while hosts are
# cut off: the Raft leader's host, a peer's host, and every host of one org. Then each org reconciles its own mirror
# against its own peer. Everything it created is removed afterwards (the logs are kept when a case failed).
# Needs root (network namespaces); the test command skips it, saying so, where that is not available.
# Prints "consortium: N passed, N failed" last; exits non-zero if any case failed.
# The conditions handed to wait_for below are in single quotes on purpose: they are expanded at each try.
# shellcheck disable=SC2016
set -u
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ledger=$repo/scripts/ledger
# shellcheck source=../lib/config.sh
source "$repo/scripts/lib/config.sh"
# shellcheck source=helpers.sh
source "$repo/scripts/tests/helpers.sh"
# shellcheck source=../lib/netns.sh
source "$repo/scripts/lib/netns.sh"
# shellcheck source=../lib/consortium.sh
source "$repo/scripts/lib/consortium.sh"
description=${1:-$repo/network-config/networks/consortium-netns.yaml}
work=$repo/.ledger/consortium-tests
out=$work/bundles
pass=0 fail=0

ok() { pass=$((pass + 1)); printf 'PASS %s\n' "$1"; }
ko() { fail=$((fail + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }


# The hosts, and what the description puts where.
mapfile -t hosts < <(consortium_hosts "$description" | cut -f1)
node_host() { consortium_hosts "$description" | awk -F'\t' -v org="$1" '$2 == org {print $1}'; }
((${#hosts[@]} > 1)) || { printf 'consortium: cannot read the hosts of %s (java -jar %s hosts failed)\n' "$description" "$LEDGER_NETCONFIG_JAR"; exit 1; }
org1_node=$(node_host Org1)
org2_node=$(node_host Org2)
bundle_of() { printf '%s\n' "$out/hosts/$1"; }
# on HOST COMMAND...: scripts/ledger COMMAND with that host's bundle as home, inside its namespace.
on() {
  local host=$1
  shift
  LEDGER_HOME=$(bundle_of "$host") netns_exec "$host" "$ledger" "$@"
}
# as_admin ORG COMMAND...: scripts/ledger COMMAND as ORG's admin (from this machine's own namespace, which reaches
# every host through the bridge, as an admin's workstation would).
as_admin() {
  local org=$1
  shift
  LEDGER_HOME=$out/admins/$org "$ledger" "$@"
}

# Stops every host's processes, removes the namespaces; keeps the bundles' logs when a case failed.
teardown() {
  consortium_down "$out"
  if ((fail == 0)); then rm -rf "$work"; else printf 'consortium: the hosts'"'"' logs are kept in %s/hosts/*/logs\n' "$out"; fi
}

# Where each orderer and peer is, and its operations port.
mapfile -t orderers < <(consortium_orderers "$description")
mapfile -t peers < <(consortium_peers "$description")
printf 'consortium: %s hosts from %s\n' "${#hosts[@]}" "${description#"$repo"/}"
netns_down
rm -rf "$work"
mkdir -p "$work"
trap 'teardown' EXIT

# --- bring-up -----------------------------------------------------------------------------------------------------
name="the consortium comes up from its bundles: each host's start.sh in its own namespace, each org admin from its bundle"
up_ok=0
if why=$(consortium_up "$description" "$out" "$work"); then
  up_ok=1
  ok "$name"
else
  ko "$name" "$why"
fi

# --- the bundles ---------------------------------------------------------------------------------------------------
name="generate writes one bundle per host with that host's private keys only and no path of this machine"
if [[ ! -d $out/hosts ]]; then
  ko "$name" "no bundles were written"
else
  problem=""
  for host in "${hosts[@]}"; do
    dir=$(bundle_of "$host")
    [[ -x $dir/start.sh && -f $dir/bundle.env && -f $dir/description.yaml ]] || problem+="$host lacks start.sh, bundle.env or description.yaml; "
  done
  # A private key of a process is on the host that runs it and nowhere else: no key is in two host bundles (an org
  # admin's key is in its admin's bundle and on its node's host, whose node-service acts as the org's compliance
  # identity). The bundles were written together, so a key copied to a wrong host shows up twice.
  shared=$(for dir in "$out"/hosts/*; do find "$dir/crypto" \( -name priv_sk -o -name '*.key' \) -exec sha256sum {} + | awk '{print $1}' | sort -u; done | sort | uniq -d)
  [[ -z $shared ]] || problem+="$(wc -l <<<"$shared") private keys are in more than one host's bundle; "
  for dir in "$out"/hosts/*; do
    host=${dir##*/}
    orderer_keys=$(find "$dir/crypto" -path '*/orderers/*' -name priv_sk | wc -l)
    peer_keys=$(find "$dir/crypto" -path '*/peers/peer*' -name priv_sk | wc -l)
    expected_orderers=$(printf '%s\n' "${orderers[@]}" | grep -c "^$host ")
    expected_peers=$(printf '%s\n' "${peers[@]}" | grep -c "^$host ")
    ((orderer_keys == expected_orderers && peer_keys == expected_peers)) \
      || problem+="$host holds $orderer_keys orderer and $peer_keys peer keys, runs $expected_orderers and $expected_peers; "
    if [[ -f $dir/network/ledger.block ]] && ((expected_orderers == 0)); then problem+="$host holds the genesis block but runs no orderer; "; fi
  done
  # Before up the bundles name no path; up derives each host's files there (in the bundle), so look at what
  # generate wrote: the description, bundle.env, start.sh and the chaincode files.
  if grep -lq -e "$out" -e "$repo" -e "$LEDGER_FABRIC_HOME" "$out"/hosts/*/{bundle.env,start.sh,description.yaml} "$out"/admins/*/{bundle.env,description.yaml,chaincode/package.env} 2>/dev/null; then
    problem+="a bundle names a path of this machine; "
  fi
  if [[ -z $problem ]]; then ok "$name"; else ko "$name" "$problem"; fi
fi

# --- money across hosts -------------------------------------------------------------------------------------------
api() { consortium_api "$@"; }
status_of() { cut -d' ' -f1 <<<"$1"; }
transfer_n=0 transfers_ok=0 counted=""
# transfer [KEY]: 1 from acc-1 to acc-2 through Org1's node, under a new Idempotency-Key or KEY; sets reply to
# "STATUS BODY". A 202 (sent, its commit status not known yet) is asked again with the same key, as the answer tells
# a caller to, for up to 120 s. Counts the transfers answered 200 in transfers_ok (a key once).
transfer() {
  local key=${1:-} deadline=$((SECONDS + 120))
  if [[ -z $key ]]; then transfer_n=$((transfer_n + 1)) key=t-$transfer_n; fi
  while :; do
    reply=$(api "$org1_node" POST /v1/transfers "$operator" "$key" '{"from":"acc-1","to":"acc-2","asset":"EUR","amount":"1"}')
    if [[ $(status_of "$reply") != 202 ]] || ((SECONDS >= deadline)); then break; fi
  done
  [[ $(status_of "$reply") == 200 ]] || return 1
  [[ " $counted " == *" $key "* ]] || transfers_ok=$((transfers_ok + 1))
  counted+=" $key"
}
# balance NODE_HOST TOKEN ACCOUNT: the balance that node's mirror shows.
balance() { api "$1" GET "/v1/accounts/$3" "$2" | grep -o '"balance":"[0-9]*"' | grep -o '[0-9]*'; }
# mirrors_agree: both orgs' mirrors show the same balance of acc-2, and transfer_n of them are in it.
mirrors_agree() { [[ $(balance "$org1_node" "$operator" acc-2) == "$transfers_ok" && $(balance "$org2_node" "$auditor2" acc-2) == "$transfers_ok" ]]; }
# height HOST PORT: a peer's or an orderer's height of channel ledger, from its operations metrics.
height() { curl -sf --max-time 3 "http://$1:$2/metrics" | awk '/^ledger_blockchain_height\{channel="ledger"\}/ {print $2}'; }
leader() { consortium_leader "$description"; }

if ((up_ok)); then
  issuer=$(LEDGER_HOME=$(bundle_of "$org1_node") "$ledger" token --role issuer)
  operator=$(LEDGER_HOME=$(bundle_of "$org1_node") "$ledger" token --role operator)
  # Each org's node trusts its own development key: reading Org2's node takes a token of Org2's.
  auditor2=$(LEDGER_HOME=$(bundle_of "$org2_node") "$ledger" token --role auditor)
  name="money moves across hosts and both orgs' mirrors agree"
  setup_ok=1
  for call in "/v1/assets|a1|$issuer|{\"code\":\"EUR\",\"decimals\":2}" \
    "/v1/accounts|b1|$operator|{\"id\":\"acc-1\",\"asset\":\"EUR\",\"ownerRef\":\"alice\",\"jurisdiction\":\"DE\"}" \
    "/v1/accounts|b2|$operator|{\"id\":\"acc-2\",\"asset\":\"EUR\",\"ownerRef\":\"bob\",\"jurisdiction\":\"DE\"}" \
    "/v1/mint|c1|$issuer|{\"account\":\"acc-1\",\"amount\":\"100000\"}"; do
    IFS='|' read -r path key token body <<<"$call"
    reply=$(api "$org1_node" POST "$path" "$token" "$key" "$body")
    [[ $(status_of "$reply") == 2* ]] || { setup_ok=0; ko "$name" "POST $path answered $reply"; break; }
  done
  if ((setup_ok)); then
    if ! transfer; then ko "$name" "a transfer answered $reply"
    elif ! wait_for 30 mirrors_agree; then
      ko "$name" "the mirrors do not both show the transfer: Org1 $(balance "$org1_node" "$operator" acc-2), Org2 $(balance "$org2_node" "$auditor2" acc-2)"
    else ok "$name"; fi
  fi

  # --- the Raft leader's host cut off -----------------------------------------------------------------------------
  name="transfers go on with the ordering leader's host cut off, and it catches up once back"
  if ! wait_for 30 leader >/dev/null; then ko "$name" "no orderer reports itself leader"
  else
    cut_host=$(leader)
    netns_cut "$cut_host"
    t0=$(date +%s%N)
    transfer
    leader_failover_ms=$((($(date +%s%N) - t0) / 1000000))
    if [[ $(status_of "$reply") != 2* ]]; then ko "$name" "a transfer with $cut_host cut off answered $reply after $leader_failover_ms ms"
    else
      for _ in 1 2 3; do transfer || break; done
      netns_heal "$cut_host"
      other=$(for o in "${orderers[@]}"; do [[ ${o% *} == "$cut_host" ]] || { printf '%s\n' "$o"; break; }; done)
      cut_port=$(for o in "${orderers[@]}"; do [[ ${o% *} == "$cut_host" ]] && printf '%s\n' "${o#* }"; done)
      if [[ $(status_of "$reply") != 2* ]]; then ko "$name" "a later transfer answered $reply"
      elif ! wait_for 90 eval '[[ -n $(height "$cut_host" "$cut_port") && $(height "$cut_host" "$cut_port") == "$(height ${other% *} ${other#* })" ]]'; then
        ko "$name" "orderer $cut_host is at height $(height "$cut_host" "$cut_port") 90 s after it came back, ${other% *} at $(height "${other% *}" "${other#* }")"
      else ok "$name (the first transfer after the cut committed in $leader_failover_ms ms)"; fi
    fi
  fi

  # --- a peer's host cut off ---------------------------------------------------------------------------------------
  name="a peer's host cut off and back catches up, and both orgs' mirrors equal the chain"
  peer_host=${peers[1]% *} peer_port=${peers[1]#* } first_host=${peers[0]% *} first_port=${peers[0]#* }
  netns_cut "$peer_host"
  for _ in 1 2 3; do transfer || break; done
  netns_heal "$peer_host"
  if [[ $(status_of "$reply") != 2* ]]; then ko "$name" "a transfer with $peer_host cut off answered $reply"
  elif ! wait_for 90 eval '[[ -n $(height "$peer_host" "$peer_port") && $(height "$peer_host" "$peer_port") == "$(height "$first_host" "$first_port")" ]]'; then
    ko "$name" "the peer on $peer_host is at height $(height "$peer_host" "$peer_port") 90 s after it came back, the one on $first_host at $(height "$first_host" "$first_port")"
  elif ! wait_for 30 mirrors_agree; then
    ko "$name" "the mirrors disagree: Org1 $(balance "$org1_node" "$operator" acc-2), Org2 $(balance "$org2_node" "$auditor2" acc-2), $transfers_ok transfers"
  else ok "$name"; fi

  # --- every host of one org cut off -------------------------------------------------------------------------------
  name="with every host of Org2 cut off, Org1's node serves reads, refuses writes clearly, and writes again once healed"
  mapfile -t org2_hosts < <(printf '%s\n' "${hosts[@]}" | while read -r h; do
    grep -q "$h" <<<"$(awk '/^  - name: Org2/ {o=1; next} /^  - name:/ {o=0} o && /host:/ {print $2}' "$description")" && printf '%s\n' "$h"; done)
  for h in "${org2_hosts[@]}"; do netns_cut "$h"; done
  read_reply=$(api "$org1_node" GET /v1/accounts/acc-2 "$operator")
  transfer org2-cut
  write_reply=$reply
  for h in "${org2_hosts[@]}"; do netns_heal "$h"; done
  if [[ $(status_of "$read_reply") != 200 ]]; then ko "$name" "a read answered $read_reply"
  elif [[ $(status_of "$write_reply") != 503 || $write_reply != *'"code":"LEDGER_UNAVAILABLE"'* ]]; then
    ko "$name" "a write needing Org2's endorsement answered $write_reply"
  else
    # The same Idempotency-Key again: the write the caller was told to retry.
    if wait_for 120 transfer org2-cut; then
      if wait_for 30 mirrors_agree; then ok "$name"; else ko "$name" "after healing the mirrors disagree or the retried write is not in them"; fi
    else ko "$name" "the retried write still fails 120 s after healing: $reply"; fi
  fi

  # --- each org reconciles its own mirror against its own peer -----------------------------------------------------
  for org in Org1 Org2; do
    host=$(node_host "$org")
    name="$org's reconciler finds its mirror equal to the chain its own peer holds"
    if on "$host" reconcile >"$work/reconcile-$org.log" 2>&1; then ok "$name"; else ko "$name" "$(tail -n 3 "$work/reconcile-$org.log" | tr '\n' ' ')"; fi
  done
fi

printf 'consortium (%s): %d passed, %d failed\n' "${description##*/}" "$pass" "$fail"
((fail == 0))
