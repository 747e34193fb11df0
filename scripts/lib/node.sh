# The node's own processes beside the Fabric network: the embedded PostgreSQL holding the mirror, and the
# sync-bridge that keeps it in step with the chain.
# shellcheck shell=bash

NODE_PROCESSES=(sync-bridge postgres)

pg_port() { echo $((LEDGER_PG_PORT + LEDGER_PORT_OFFSET)); }
bridge_port() { echo $((LEDGER_BRIDGE_PORT + LEDGER_PORT_OFFSET)); }

# The libpq URI of the read-only role on the mirror (what `env` prints as LEDGER_PG_URL).
reader_url() {
  if [[ -n $LEDGER_DATABASE_URL ]]; then
    printf '%s\n' "${LEDGER_READER_URL:-}"
  else
    printf 'postgresql://ledger_reader@127.0.0.1:%s/ledger\n' "$(pg_port)"
  fi
}

# Writes what clients of this node need to find its own processes: network/node.properties.
write_node_properties() {
  local jdbc=${LEDGER_DATABASE_URL:-jdbc:postgresql://127.0.0.1:$(pg_port)/ledger}
  cat >"$LEDGER_HOME/network/node.properties.partial" <<PROPS
# This node's own processes, written by scripts/ledger up.
node.org=$LEDGER_NODE_ORG
node.portOffset=$LEDGER_PORT_OFFSET
database.jdbcUrl=$jdbc
database.embedded=$([[ -z $LEDGER_DATABASE_URL ]] && echo true || echo false)
database.readerUrl=$(reader_url)
bridge.healthUrl=http://127.0.0.1:$(bridge_port)
api.url=http://127.0.0.1:$(api_port)
api.grpcAddress=127.0.0.1:$(grpc_port)
$(for org in $LEDGER_ORGS; do printf 'attester.%s=http://127.0.0.1:%s\n' "$org" "$(org_api_port "$org")"; done)
auth.devDir=$(dev_auth_dir)
PROPS
  mv "$LEDGER_HOME/network/node.properties.partial" "$LEDGER_HOME/network/node.properties"
}

start_database() {
  write_node_properties
  [[ -z $LEDGER_DATABASE_URL ]] || return 0
  running_pid postgres >/dev/null && return 0
  require_ports_free postgres "$(pg_port)"
  local log seen=0
  log=$(log_file postgres)
  [[ -f $log ]] && seen=$(wc -l <"$log")
  start_process postgres java -cp "$LEDGER_BRIDGE_JAR" io.ledgernode.bridge.db.EmbeddedServer "$LEDGER_HOME/postgres" "$(pg_port)"
  # Ready once it created the mirror database and said so: in this start's part of the log, not an earlier one's.
  local deadline=$((SECONDS + LEDGER_START_TIMEOUT))
  until tail -n +$((seen + 1)) "$log" 2>/dev/null | grep -q "embedded postgres listening"; do
    running_pid postgres >/dev/null || die "postgres exited during start; see $(log_file postgres)"
    ((SECONDS < deadline)) || die "postgres did not start within ${LEDGER_START_TIMEOUT}s; see $(log_file postgres)"
    sleep 0.25
  done
  say "started postgres on 127.0.0.1:$(pg_port) (log: $(log_file postgres))"
}

start_bridge() {
  running_pid sync-bridge >/dev/null && return 0
  require_ports_free sync-bridge "$(bridge_port)"
  local args=(--set "network.home=$LEDGER_HOME" --set "network.org=$LEDGER_NODE_ORG" --set "health.port=$(bridge_port)")
  if [[ -n $LEDGER_DATABASE_URL ]]; then
    args+=(--set "database.url=$LEDGER_DATABASE_URL")
  else
    args+=(--set "database.embedded.port=$(pg_port)")
  fi
  [[ -n ${LEDGER_BRIDGE_CONFIG:-} ]] && args+=(--config "$LEDGER_BRIDGE_CONFIG")
  start_process sync-bridge java -jar "$LEDGER_BRIDGE_JAR" "${args[@]}"
  wait_healthy sync-bridge "http://127.0.0.1:$(bridge_port)/health/ready"
  say "started sync-bridge (metrics http://127.0.0.1:$(bridge_port)/metrics, log: $(log_file sync-bridge))"
}

# Replays the chain from block 0 into a fresh database beside the mirror and compares the two.
mirror_rebuild() {
  require_up
  local args=(--set "network.home=$LEDGER_HOME" --set "network.org=$LEDGER_NODE_ORG")
  if [[ -n $LEDGER_DATABASE_URL ]]; then
    args+=(--set "database.url=$LEDGER_DATABASE_URL")
  else
    args+=(--set "database.embedded.port=$(pg_port)")
  fi
  java -cp "$LEDGER_BRIDGE_JAR" io.ledgernode.bridge.rebuild.MirrorRebuild "${args[@]}"
}

# node-service: the API. Its development token issuer signs with a key kept under LEDGER_HOME/dev-auth.
LEDGER_API_PORT=${LEDGER_API_PORT:-8080}
LEDGER_GRPC_PORT=${LEDGER_GRPC_PORT:-8090}
LEDGER_SERVICE_JAR=$LEDGER_REPO/node-service/target/node-service.jar
api_port() { echo $((LEDGER_API_PORT + LEDGER_PORT_OFFSET)); }
# gRPC has a listener of its own (grpc-java's Netty server); the other members' nodes take the next ports, as for REST.
grpc_port() { echo $((LEDGER_GRPC_PORT + LEDGER_PORT_OFFSET)); }
org_grpc_port() { echo $(($(org_api_port "$1") - $(api_port) + $(grpc_port))); }
dev_auth_dir() { printf '%s\n' "$LEDGER_HOME/dev-auth"; }

start_node_service() {
  running_pid node-service >/dev/null && return 0
  require_ports_free node-service "$(api_port)" "$(grpc_port)"
  # The dev issuer's key pair exists before the service reads its public half.
  java -cp "$LEDGER_SERVICE_JAR" io.ledgernode.node.auth.DevTokens --dir "$(dev_auth_dir)" --issuer ledger-node-dev \
    --audience ledger-node --subject bootstrap --role auditor --ttl PT1M >/dev/null \
    || die "cannot create the development signing key in $(dev_auth_dir)"
  start_process node-service java -Dnode.ledger-home="$LEDGER_HOME" -Dnode.org="$LEDGER_NODE_ORG" \
    -Dserver.port="$(api_port)" -Dgrpc.port="$(grpc_port)" -Dauth.issuers.0.jwks-file="$(dev_auth_dir)/dev-jwks.json" \
    ${LEDGER_SERVICE_CONFIG:+-Dconfig.file="$LEDGER_SERVICE_CONFIG"} -jar "$LEDGER_SERVICE_JAR"
  wait_healthy node-service "http://127.0.0.1:$(api_port)/health/ready"
  say "started node-service: REST on http://127.0.0.1:$(api_port), gRPC on 127.0.0.1:$(grpc_port) (log: $(log_file node-service))"
}

# The other member orgs' nodes. In a consortium each org runs its own node; locally they run here too, each a
# node-service acting as its org, so that proof bundles carry every member org's validity attestation.
member_orgs() {
  local org
  for org in $LEDGER_ORGS; do [[ $org == "$LEDGER_NODE_ORG" ]] || printf '%s\n' "$org"; done
}
member_node_names() {
  local org
  for org in $(member_orgs); do printf 'node-service.%s ' "$org"; done
}

# This node's API port for its own org; the next ports, in LEDGER_ORGS order, for the other members' nodes.
org_api_port() {
  local org n=1 other
  [[ $1 == "$LEDGER_NODE_ORG" ]] && { api_port; return; }
  for other in $(member_orgs); do
    [[ $other == "$1" ]] && { echo $(($(api_port) + n)); return; }
    n=$((n + 1))
  done
}

start_member_nodes() {
  local org name port
  for org in $(member_orgs); do
    name=node-service.$org
    running_pid "$name" >/dev/null && continue
    port=$(org_api_port "$org")
    require_ports_free "$name" "$port" "$(org_grpc_port "$org")"
    start_process "$name" java -Dnode.ledger-home="$LEDGER_HOME" -Dnode.org="$org" -Dserver.port="$port" \
      -Dgrpc.port="$(org_grpc_port "$org")" \
      -Dauth.issuers.0.jwks-file="$(dev_auth_dir)/dev-jwks.json" \
      ${LEDGER_SERVICE_CONFIG:+-Dconfig.file="$LEDGER_SERVICE_CONFIG"} -jar "$LEDGER_SERVICE_JAR"
    wait_healthy "$name" "http://127.0.0.1:$port/health/ready"
    say "started $org's node on http://127.0.0.1:$port (attests blocks for proofs; log: $(log_file "$name"))"
  done
}

# token --role R [--role R2] [--account A]... [--jurisdiction J] [--subject S] [--ttl PT15M]: a short-lived token
# signed by the local development key, for calling the API at once.
mint_token() {
  require_generated
  [[ -f $(dev_auth_dir)/dev-jwks.json ]] || die "no development key yet (run: scripts/ledger up)"
  local args=(--dir "$(dev_auth_dir)" --issuer ledger-node-dev --audience ledger-node) subject=""
  while (($#)); do
    case $1 in
      --subject) subject=$2; shift 2 ;;
      --role | --account | --jurisdiction | --ttl) [[ $# -ge 2 ]] || die "token: $1 needs a value"; args+=("$1" "$2"); shift 2 ;;
      *) die "token: unknown option $1 (--role, --account, --jurisdiction, --subject, --ttl)" ;;
    esac
  done
  # Without --subject, DevTokens gives each role, account and jurisdiction its own (dev-wallet-alice, dev-auditor).
  java -cp "$LEDGER_SERVICE_JAR" io.ledgernode.node.auth.DevTokens "${args[@]}" ${subject:+--subject "$subject"}
}
