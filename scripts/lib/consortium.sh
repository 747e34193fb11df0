# A consortium across hosts on this machine: each host of a description a network namespace (netns.sh), brought up
# from the bundles of `generate` the way operators would on real hosts (each host's start.sh inside its namespace,
# each org admin's steps from its bundle). Used by the consortium tests (scripts/tests/consortium.sh) and by
# bench-consortium.
# shellcheck shell=bash

# consortium_hosts DESCRIPTION: each host of the description, "ADDRESS<TAB>ORG whose node runs there, or -".
consortium_hosts() { java -jar "$LEDGER_NETCONFIG_JAR" hosts --network "$1"; }

# consortium_orderers DESCRIPTION / consortium_peers DESCRIPTION: "HOST OPERATIONS_PORT" of each orderer / peer
# (read from the description's block layout, as the shipped consortium descriptions write it).
consortium_orderers() {
  awk '/^ordererOrgs:/ {o=1} /^orgs:/ {o=0} o && /host:/ {h=$2} o && /operationsPort:/ {print h, $2}' "$1"
}
consortium_peers() {
  awk '/^orgs:/ {o=1} o && /^ *- name: peer/ {p=1} o && p && /host:/ {h=$2} o && p && /operationsPort:/ {print h, $2; p=0}' "$1"
}

# consortium_up DESCRIPTION OUT LOGS [DEV_AUTH]: the bundles into OUT (generate), a namespace per host, every host
# started from its bundle, the admins' steps; returns once every host's start.sh returned. On failure prints one line
# saying why and returns 1 (the caller tears down with consortium_down). Logs of each step go into LOGS. With
# DEV_AUTH (a development token key directory), every org's node trusts that one key instead of one of its own, so
# that one client (the chaos workload) can call them all.
consortium_up() {
  local description=$1 out=$2 logs=$3 dev_auth=${4:-} host org ok=1 step peers_csv
  local -a hosts peers
  mkdir -p "$logs"
  "$LEDGER_REPO/scripts/ledger" generate "$description" "$out" >"$logs/generate.log" 2>&1 \
    || { printf 'generate failed: %s\n' "$(tail -n 1 "$logs/generate.log")"; return 1; }
  mapfile -t hosts < <(consortium_hosts "$description" | cut -f1)
  if [[ -n $dev_auth ]]; then
    for host in $(consortium_hosts "$description" | awk -F'\t' '$2 != "-" {print $1}'); do
      cp -r "$dev_auth" "$out/hosts/$host/dev-auth"
    done
  fi
  netns_usable || { printf 'cannot create network namespaces here (needs root)\n'; return 1; }
  netns_up "$LEDGER_NETNS_GATEWAY" "${hosts[@]}" 2>"$logs/netns.log" \
    || { printf 'cannot create the hosts'"'"' namespaces: %s\n' "$(tail -n 1 "$logs/netns.log")"; return 1; }
  # The hosts come up in any order and nothing waits for another: orderers join with the genesis block, peers wait
  # for their admin, a node waits for its org's peers to serve the committed chaincode.
  local -a starts=()
  for host in "${hosts[@]}"; do
    LEDGER_CLI=$LEDGER_REPO/scripts/ledger netns_exec "$host" "$out/hosts/$host/start.sh" >"$logs/up-$host.log" 2>&1 &
    starts+=("$!")
  done
  # The admins act once every orderer and peer answers and the orderers have a leader (the hosts build and start at
  # once, sharing this machine's cores): an admin on a real network would wait for its consortium the same way.
  mapfile -t peers < <(consortium_orderers "$description"; consortium_peers "$description")
  peers_csv=${peers[*]}
  local deadline=$((SECONDS + 600)) live
  while :; do
    live=1
    for host in "${peers[@]}"; do curl -sf --max-time 2 "http://${host% *}:${host#* }/healthz" >/dev/null || live=0; done
    ((live)) && consortium_leader "$description" >/dev/null && break
    ((SECONDS < deadline)) || { printf 'the orderers and peers (%s) did not all answer, with an ordering leader, within 600 s\n' "$peers_csv"; ok=0; break; }
    sleep 1
  done
  if ((ok)); then
    for step in join-peers approve-chaincode; do
      for org in $(consortium_hosts "$description" | awk -F'\t' '$2 != "-" {print $2}'); do
        LEDGER_HOME=$out/admins/$org "$LEDGER_REPO/scripts/ledger" "$step" >>"$logs/admins.log" 2>&1 \
          || { printf '%s as %s failed: %s\n' "$step" "$org" "$(tail -n 1 "$logs/admins.log")"; ok=0; break 2; }
      done
    done
  fi
  if ((ok)); then
    org=$(sed -n 's/^ *issuerOrg: *//p' "$description" | head -n 1)
    LEDGER_HOME=$out/admins/$org "$LEDGER_REPO/scripts/ledger" commit-chaincode >>"$logs/admins.log" 2>&1 \
      || { printf 'commit-chaincode as %s failed: %s\n' "$org" "$(tail -n 1 "$logs/admins.log")"; ok=0; }
  fi
  local i
  # Without the admins' steps the nodes' hosts would wait for them (LEDGER_JOIN_WAIT): stop waiting for them.
  if ((ok == 0)); then
    for i in "${starts[@]}"; do consortium_kill_tree "$i"; done
  fi
  for i in "${!starts[@]}"; do
    if ! wait "${starts[$i]}"; then
      ((ok)) && printf 'start.sh of host %s failed: %s\n' "${hosts[$i]}" "$(tail -n 1 "$logs/up-${hosts[$i]}.log")"
      ok=0
    fi
  done
  ((ok))
}

# consortium_kill_tree PID: PID and every process below it (a host's start.sh, the `up` it runs, its waits).
consortium_kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do consortium_kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

# consortium_down OUT: stops every host's processes (each inside its namespace) and removes the namespaces.
consortium_down() {
  local out=$1 dir host
  for dir in "$out"/hosts/*; do
    [[ -d $dir ]] || continue
    host=${dir##*/}
    ip netns list 2>/dev/null | grep -q "^$(netns_name "$host")\b" || continue
    LEDGER_HOME=$dir netns_exec "$host" "$LEDGER_REPO/scripts/ledger" down >/dev/null 2>&1
  done
  netns_down
}

# consortium_leader DESCRIPTION: the host of the orderer that reports itself leader (Raft or BFT), or fails.
consortium_leader() {
  local o metrics
  while read -r o; do
    # Read whole, then searched: under pipefail, grep -q leaving early would fail curl's pipe.
    metrics=$(curl -sf --max-time 2 "http://${o% *}:${o#* }/metrics") || continue
    grep -Eq '^consensus_(etcdraft|BFT)_is_leader\{channel="[^"]*"\} 1' <<<"$metrics" && printf '%s\n' "${o% *}" && return 0
  done < <(consortium_orderers "$1")
  return 1
}

# consortium_api HOST METHOD PATH TOKEN [KEY BODY]: a call to the node on HOST, printed as "STATUS BODY" (status 000
# when no answer came within 90 s); with KEY, a write with that Idempotency-Key and the JSON BODY.
consortium_api() {
  local host=$1 method=$2 path=$3 token=$4 key=${5:-} body=${6:-} reply
  local args=(-s -w '\n%{http_code}' --max-time 90 -X "$method" "http://$host:8080$path" -H "Authorization: Bearer $token")
  [[ -z $key ]] || args+=(-H "Idempotency-Key: $key" -H 'Content-Type: application/json' -d "$body")
  reply=$(curl "${args[@]}" 2>/dev/null) || true
  printf '%s %s\n' "${reply##*$'\n'}" "${reply%$'\n'*}"
}

# bench-consortium: the consortium of consortium-netns.yaml (three Raft orderers, two orgs of two peers, seven hosts
# as network namespaces) brought up from its bundles beside the running single-host network (LEDGER_HOME);
# ConsortiumBenchmark on each, back to back (transfer latency, hot-account throughput, their ratios); then three
# times the Raft leader's host cut off and the time until the next transfer through Org1's node commits. The
# consortium is removed afterwards.
bench_consortium() {
  local description=$LEDGER_REPO/network-config/networks/consortium-netns.yaml work=$LEDGER_REPO/.ledger/consortium-bench
  local why org1 home status=0 issuer operator i leader t0 reply key call path token body
  local -a times=()
  netns_usable || die "bench-consortium makes each host a network namespace, which needs root (CAP_NET_ADMIN)"
  consortium_down "$work/bundles"
  rm -rf "$work"
  step "bringing up the consortium of ${description#"$LEDGER_REPO"/}: each host a network namespace, from its bundle"
  if ! why=$(consortium_up "$description" "$work/bundles" "$work/logs"); then
    consortium_down "$work/bundles"
    die "the consortium did not come up: $why (logs in $work)"
  fi
  org1=$(consortium_hosts "$description" | awk -F'\t' '$2 == "Org1" {print $1}')
  home=$work/bundles/hosts/$org1
  run_benchmark ledger-gateway io.ledgernode.gateway.bench.ConsortiumBenchmark "$home" || status=1
  issuer=$(LEDGER_HOME=$home "$LEDGER_REPO/scripts/ledger" token --role issuer)
  operator=$(LEDGER_HOME=$home "$LEDGER_REPO/scripts/ledger" token --role operator)
  for call in "/v1/assets|$issuer|{\"code\":\"CUT\",\"decimals\":2}" \
    "/v1/accounts|$operator|{\"id\":\"cut-1\",\"asset\":\"CUT\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}" \
    "/v1/accounts|$operator|{\"id\":\"cut-2\",\"asset\":\"CUT\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}" \
    "/v1/mint|$issuer|{\"account\":\"cut-1\",\"amount\":\"1000\"}"; do
    IFS='|' read -r path token body <<<"$call"
    reply=$(consortium_api "$org1" POST "$path" "$token" "set-up-$RANDOM$RANDOM" "$body")
    [[ $reply == 2* ]] || { status=1; say "bench-consortium: POST $path answered $reply"; }
  done
  for i in 1 2 3; do
    leader=$(consortium_leader "$description") || { status=1; say "bench-consortium: no orderer reports itself leader"; break; }
    netns_cut "$leader"
    t0=$(date +%s%N) key=cut-$i-$RANDOM
    # A 202 (sent, commit status not known yet) is asked again under the same key, as a caller would.
    while reply=$(consortium_api "$org1" POST /v1/transfers "$operator" "$key" '{"from":"cut-1","to":"cut-2","asset":"CUT","amount":"1"}') \
      && [[ $reply == 202* ]] && (($(date +%s%N) - t0 < 120000000000)); do :; done
    times+=("$((($(date +%s%N) - t0) / 1000000))")
    netns_heal "$leader"
    [[ $reply == 200* ]] || { status=1; say "bench-consortium: the transfer with $leader cut off answered ${reply:0:200}"; }
    printf 'leader cut %d: orderer host %s cut off; the next transfer through Org1'"'"'s node answered %s after %s ms\n' \
      "$i" "$leader" "${reply%% *}" "${times[-1]}"
    # The healed orderer catches up and the ordering service settles before the next cut.
    sleep 20
  done
  printf 'FIGURE leader_cut_to_next_commit_ms = %s  (Raft leader host cut off, three times; next transfer through Org1'"'"'s node)\n' "${times[*]}"
  consortium_down "$work/bundles"
  ((status == 0)) && rm -rf "$work"
  return "$status"
}
