# The network's life: generate its files, start its processes, join them to the channel, report, stop.
# shellcheck shell=bash

netconfig() { java_quiet -jar "$LEDGER_NETCONFIG_JAR" "$@"; }

# Writes (again) every derived file; creates crypto material and the channel's genesis block only once.
generate_network() {
  local embedded=true
  [[ -z $LEDGER_DATABASE_URL ]] || embedded=false
  netconfig generate --network "$LEDGER_NETWORK" --home "$LEDGER_HOME" --fabric-home "$LEDGER_FABRIC_HOME" \
    --port-offset "$LEDGER_PORT_OFFSET" --node-org "$LEDGER_NODE_ORG" --embedded-database "$embedded" \
    --pg-port "$LEDGER_PG_PORT" --bridge-port "$LEDGER_BRIDGE_PORT" --api-port "$LEDGER_API_PORT" \
    --grpc-port "$LEDGER_GRPC_PORT" --reconciler-port "$LEDGER_RECONCILER_PORT" \
    ${LEDGER_HOST_ADDRESS:+--host "$LEDGER_HOST_ADDRESS"} ${LEDGER_ADMIN_ORG:+--admin-org "$LEDGER_ADMIN_ORG"} \
    || die "cannot generate the network from $LEDGER_NETWORK (message above)"
  # shellcheck source=/dev/null
  source "$(network_env)"
  if is_bundle; then
    # A bundle brings its crypto material (its own keys only) and, on an orderer's host, the genesis block.
    [[ -d $LEDGER_HOME/crypto ]] || die "$LEDGER_HOME is a bundle without its crypto/ directory: copy the whole bundle"
    return 0
  fi
  if [[ ! -d $LEDGER_HOME/crypto ]]; then
    step "generating crypto material"
    run_logged "cryptogen" "$LEDGER_HOME/logs/generate.log" \
      cryptogen generate --config="$LEDGER_HOME/network/crypto-config.yaml" --output="$LEDGER_HOME/crypto.partial"
    # The Java shim reads its *_PATH TLS files as base64 of the PEM (see the chaincode servers' env files).
    local pem
    for pem in "$LEDGER_HOME"/crypto.partial/peerOrganizations/*/peers/ccaas.*/tls/server.{crt,key}; do
      base64 -w0 "$pem" >"$pem.b64"
    done
    mv "$LEDGER_HOME/crypto.partial" "$LEDGER_HOME/crypto"
  else
    # An org (or a peer) added to the description since: its material, signed by its own CA, beside the rest, which
    # stays as it is.
    run_logged "cryptogen extend" "$LEDGER_HOME/logs/generate.log" \
      cryptogen extend --config="$LEDGER_HOME/network/crypto-config.yaml" --input="$LEDGER_HOME/crypto"
    local pem
    for pem in "$LEDGER_HOME"/crypto/peerOrganizations/*/peers/ccaas.*/tls/server.{crt,key}; do
      [[ -f $pem.b64 ]] || base64 -w0 "$pem" >"$pem.b64"
    done
  fi
  if [[ ! -f $LEDGER_HOME/network/$LEDGER_CHANNEL.block ]]; then
    step "creating the genesis block of channel $LEDGER_CHANNEL"
    FABRIC_CFG_PATH=$LEDGER_HOME/network/configtx run_logged "configtxgen" "$LEDGER_HOME/logs/generate.log" \
      configtxgen -profile "$LEDGER_CONFIGTX_PROFILE" -channelID "$LEDGER_CHANNEL" \
      -outputBlock "$LEDGER_HOME/network/$LEDGER_CHANNEL.block"
    rm -f "$(channel_members_file)"
  fi
  record_channel_members
}

join_orderers() {
  local name
  for name in $(process_names orderer); do
    (
      # shellcheck source=/dev/null
      source "$(node_env "$name")"
      local tls=(-o "$LEDGER_ADMIN_ADDRESS" --ca-file "$LEDGER_ADMIN_CA" --client-cert "$LEDGER_ADMIN_CLIENT_CERT" --client-key "$LEDGER_ADMIN_CLIENT_KEY")
      # The orderer answers /healthz before its admin endpoint listens (longer on a restart, replaying its Raft log).
      wait_listening "$name" "${LEDGER_ADMIN_ADDRESS##*:}"
      # osnadmin exits 0 whatever the HTTP status; the status line tells.
      if osnadmin channel list "${tls[@]}" --channelID "$LEDGER_CHANNEL" 2>/dev/null | grep -q '^Status: 200'; then
        exit 0
      fi
      step "joining $name to channel $LEDGER_CHANNEL"
      local out
      out=$(osnadmin channel join "${tls[@]}" --channelID "$LEDGER_CHANNEL" --config-block "$LEDGER_HOME/network/$LEDGER_CHANNEL.block" 2>&1) || true
      printf '%s\n' "$out" >>"$LEDGER_HOME/logs/admin.log"
      grep -q '^Status: 201' <<<"$out" || die "osnadmin channel join ($name) failed: $(tr '\n' ' ' <<<"$out")"
    ) || exit 1
  done
}

# is_ordering_leader NAME: whether orderer NAME reports itself leader of the channel, Raft's or BFT's (its operations
# metrics say so).
is_ordering_leader() {
  local metrics
  # Read whole, then searched: under pipefail, grep -q leaving early would fail curl's pipe.
  metrics=$(curl -sf --max-time 2 "$(metrics_url "$1")") || return 1
  grep -Eq "^consensus_(etcdraft|BFT)_is_leader\{channel=\"$LEDGER_CHANNEL\"\} 1" <<<"$metrics"
}

# Waits until an orderer reports itself leader of the channel: until then the ordering service answers every
# transaction with "no Raft leader" (or, with BFT, lets it wait for a view).
wait_ordering_leader() {
  local deadline=$((SECONDS + LEDGER_START_TIMEOUT)) name
  while ((SECONDS < deadline)); do
    for name in $(process_names orderer); do
      is_ordering_leader "$name" && return 0
    done
    sleep 0.25
  done
  die "no orderer became leader (Raft or BFT) of channel $LEDGER_CHANNEL within ${LEDGER_START_TIMEOUT}s; see $LEDGER_HOME/logs/"
}

# Waits until every peer's gossip knows every other peer of the channel: the gateway finds endorsers through it
# (discovery), and until then answers "no combination of peers can be derived which satisfy the endorsement policy".
wait_gossip() {
  local others deadline=$((SECONDS + LEDGER_START_TIMEOUT)) name known all
  others=$(($(process_names peer | wc -l) - 1))
  while ((SECONDS < deadline)); do
    all=1
    for name in $(process_names peer); do
      known=$(curl -sf --max-time 2 "$(metrics_url "$name")" | sed -n "s/^gossip_membership_total_peers_known{channel=\"$LEDGER_CHANNEL\"} \([0-9]*\).*/\1/p")
      ((${known:-0} >= others)) || all=0
    done
    ((all)) && return 0
    sleep 0.25
  done
  die "the peers did not all find each other through gossip within ${LEDGER_START_TIMEOUT}s; see $LEDGER_HOME/logs/"
}

# The admin CLI environment of an org, in a subshell's scope.
use_org() {
  local file=$LEDGER_HOME/network/orgs/$1.env
  [[ -f $file ]] || die "no org named '$1' in this network (orgs: $LEDGER_ORGS)"
  # shellcheck source=/dev/null
  source "$file"
}

join_peers() {
  local name address tlsca
  for name in $(process_names peer); do
    (
      # shellcheck source=/dev/null
      address=$(source "$(node_env "$name")" && printf '%s' "$CORE_PEER_ADDRESS")
      # shellcheck source=/dev/null
      tlsca=$(source "$(node_env "$name")" && printf '%s' "$CORE_PEER_TLS_ROOTCERT_FILE")
      use_org "$(process_org "$name")"
      export CORE_PEER_ADDRESS=$address CORE_PEER_TLS_ROOTCERT_FILE=$tlsca
      if peer channel getinfo -c "$LEDGER_CHANNEL" >/dev/null 2>&1; then
        exit 0
      fi
      step "joining $name to channel $LEDGER_CHANNEL"
      # The orderers may still be electing their leader; the join itself does not need it, but retry briefly.
      local tries=0
      until peer channel join -b "$LEDGER_HOME/network/$LEDGER_CHANNEL.block" >>"$LEDGER_HOME/logs/admin.log" 2>&1; do
        # A peer restarted from its state answers /healthz before it serves its channels: the first getinfo may
        # fail though it has joined long ago, and then the join fails as already done.
        peer channel getinfo -c "$LEDGER_CHANNEL" >/dev/null 2>&1 && break
        ((++tries < 10)) || die "peer channel join ($name) failed; see $LEDGER_HOME/logs/admin.log"
        sleep 1
      done
    ) || exit 1
  done
}

# Whether this home is a bundle written by generate (one host of a consortium across hosts, or an org admin's).
is_bundle() { [[ -f $LEDGER_HOME/bundle.env ]]; }

# Brings up whatever of the node is not running (a process its supervisor gave up on counts as not running), and
# waits until each process that runs answers its liveness probe.
network_up() {
  require_log_settings
  if [[ -f $(network_env) && -z $LEDGER_HOST_ADDRESS ]]; then
    # The description as it is now: an org added to it since the channel was created is refused here, running or not.
    generate_network
    require_channel_members
  fi
  if [[ -f $(network_env) ]] && all_running; then
    write_node_properties
    local name
    for name in $(process_names); do wait_live "$name"; done
    say "network '$LEDGER_NETWORK_NAME' is already up (LEDGER_HOME=$LEDGER_HOME)"
    network_status
    say_console_url
    return 0
  fi
  build_jars
  generate_network
  require_ports_outside_ephemeral_range
  if [[ -n $LEDGER_HOST_ADDRESS ]]; then
    host_up
  else
    start_processes orderer
    join_orderers
    wait_ordering_leader
    start_processes peer
    join_peers
    wait_gossip
    up_chaincode
    write_node_properties
    start_processes postgres sync-bridge node-service reconciler
  fi
  say ""
  local status=0
  network_status || status=$?
  say_console_url
  return "$status"
}

# Where this node's web console is, when this host runs the node (a consortium host may run only peers).
say_console_url() {
  process_names | grep -qx node-service || return 0
  say "web console: $(org_api_url "$LEDGER_NODE_ORG")/console/ (one-click sign-in for each role with the development key)"
}

# `up` on one host of a consortium across hosts: its orderers (each joins the channel with the genesis block, as
# itself), its peers (their org's admin joins them, from the admin's bundle), its chaincode server (the package its
# bundle names), and, where the host runs its org's node, that node once the org's peers serve the committed chaincode.
# Nothing waits for another host: the ordering service elects its leader once enough orderer hosts are up.
host_up() {
  [[ -z $LEDGER_ADMIN_ORG ]] || die "LEDGER_HOST_ADDRESS and LEDGER_ADMIN_ORG exclude each other"
  start_processes orderer
  join_orderers
  start_processes peer
  local name package_id jar
  for name in $(process_names chaincode); do
    [[ -f $LEDGER_HOME/chaincode/$name.chaincode ]] || die "$LEDGER_HOME/chaincode/$name.chaincode is missing: copy the whole bundle"
    read -r package_id jar <"$LEDGER_HOME/chaincode/$name.chaincode"
    mkdir -p "$(run_dir)"
    printf '%s %s\n' "$package_id" "$LEDGER_HOME/$jar" >"$(run_dir)/$name.chaincode"
    start_roster_process "$name"
  done
  [[ -n $(process_names node-service) ]] || return 0
  wait_committed_as_node
  write_node_properties
  start_processes postgres sync-bridge node-service reconciler
}

# Waits (LEDGER_JOIN_WAIT) until this host's org sees the chaincode committed on its first peer, asked as the node's
# own client identity: then its admin has joined the peer and the consortium has approved and committed.
wait_committed_as_node() {
  local deadline=$((SECONDS + LEDGER_JOIN_WAIT)) said=0 sequence
  while ((SECONDS < deadline)); do
    sequence=$(use_org "$LEDGER_NODE_ORG" && export CORE_PEER_MSPCONFIGPATH=${CORE_PEER_MSPCONFIGPATH/Admin@/User1@} && committed_sequence)
    ((sequence > 0)) && return 0
    if ((said == 0)); then
      say "waiting for $LEDGER_NODE_ORG's peers to serve the committed chaincode (its admin runs join-peers and approve-chaincode, the issuer's commit-chaincode) before starting its node"
      said=1
    fi
    sleep 2
  done
  die "$LEDGER_NODE_ORG's first peer does not serve the committed chaincode $LEDGER_CHAINCODE after ${LEDGER_JOIN_WAIT}s: run join-peers and approve-chaincode in each org admin's bundle, then commit-chaincode in the issuer's"
}

# Dies unless every process of the node runs (status shows which one does not).
require_up() {
  require_generated
  all_running || die "the node is not fully running (scripts/ledger status shows what is down; scripts/ledger up starts it)"
}

all_running() {
  [[ -f $(roster_file) ]] || return 1
  # shellcheck source=/dev/null
  source "$(network_env)"
  local name
  for name in $(process_names); do
    running_pid "$name" >/dev/null || return 1
  done
}

network_down() {
  local wipe=$1 name
  if [[ -f $(roster_file) ]]; then
    # Reverse order of start: the reconciler and the nodes first, the databases after the bridges, orderers last.
    for name in $(process_names | tac); do stop_process "$name"; done
  fi
  # Anything else we started and remembered (from an older description of the network, say).
  local file
  for file in "$(run_dir)"/*.pid; do
    [[ -f $file ]] || continue
    stop_process "$(basename "$file" .pid)"
  done
  # The builds pinned for the processes (services.sh, pin_jar): nothing runs them any more.
  rm -rf "$LEDGER_HOME/jars"
  if ((wipe)); then
    rm -rf "$LEDGER_HOME"
    say "wiped $LEDGER_HOME"
  fi
}

# Prints every process with its health (from its liveness and readiness probes and its supervisor), restarts and
# log, then the channel height and the chaincode definition. Exit status: 0 every process live, 1 not.
network_status() {
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  local name pid health down=0
  printf 'network %s   home %s\n' "$LEDGER_NETWORK_NAME" "$LEDGER_HOME"
  for name in $(process_names); do
    health=$(process_health "$name") || down=1
    pid=$(child_pid "$name") || pid=-
    printf '  %-34s %-12s pid %-8s restarts %-3s log %s\n' "$name" "$health" "$pid" "$(process_restarts "$name")" "$(log_file "$name")"
  done
  if ((down == 0)) && command -v peer >/dev/null 2>&1; then
    (
      use_org "$LEDGER_NODE_ORG"
      height=$(peer channel getinfo -c "$LEDGER_CHANNEL" 2>/dev/null | netconfig peer-output --query channel-height) || height=""
      printf 'channel %s   height %s\n' "$LEDGER_CHANNEL" "${height:-unknown}"
      committed=$(peer lifecycle chaincode querycommitted -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" -O json 2>/dev/null \
        | netconfig peer-output --query committed-summary) || committed=""
      printf 'chaincode %s   %s\n' "$LEDGER_CHAINCODE" "${committed:-not committed}"
    )
  fi
  return "$down"
}

print_env() {
  local org=${1:-}
  [[ -n $org ]] || die "usage: scripts/ledger env <org>"
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  local file=$LEDGER_HOME/network/orgs/$org.env
  [[ -f $file ]] || die "no org named '$org' in this network (orgs: $LEDGER_ORGS)"
  grep '^export ' "$file"
  # The org's own node: its mirror and its API.
  printf "export LEDGER_PG_URL='%s'\n" "$(reader_url "$org")"
  local service
  service=$(process_of node-service "$org")
  printf "export LEDGER_API_URL='%s'\n" "$(org_api_url "$org")"
  printf "export LEDGER_GRPC_ADDRESS='%s:%s'\n" "$(node_listen_host)" "$(process_port "$service" 2)"
  printf "export PATH='%s/bin':\"\$PATH\"\n" "$LEDGER_FABRIC_HOME"
}
