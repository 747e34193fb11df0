# The node's own processes beside the Fabric network: the embedded PostgreSQL holding the mirror, and the
# sync-bridge that keeps it in step with the chain. Every member org's node has its own: this node's org
# (LEDGER_NODE_ORG) uses the plain names (postgres, sync-bridge, node-service), each other member org the same names
# with .<Org> (postgres.Org2, sync-bridge.Org2, node-service.Org2), its own database fed by its own bridge from its
# own org's peer, on the ports of this node's plus the org's place among the members (Org2: +1).
# shellcheck shell=bash

pg_port() { echo $((LEDGER_PG_PORT + LEDGER_PORT_OFFSET)); }
bridge_port() { echo $((LEDGER_BRIDGE_PORT + LEDGER_PORT_OFFSET)); }

# ORG's place: 0 for this node's org, then 1, 2, ... for the other members in LEDGER_ORGS order; fails for no member.
org_index() {
  local org n=1
  [[ $1 == "$LEDGER_NODE_ORG" ]] && { echo 0; return 0; }
  for org in $(member_orgs); do
    [[ $org == "$1" ]] && { echo "$n"; return 0; }
    n=$((n + 1))
  done
  return 1
}

# org_process BASE ORG: the name of ORG's own BASE process (postgres, sync-bridge, node-service).
org_process() {
  if [[ $2 == "$LEDGER_NODE_ORG" ]]; then echo "$1"; else echo "$1.$2"; fi
}

org_pg_port() { echo $(($(pg_port) + $(org_index "$1"))); }
org_bridge_port() { echo $(($(bridge_port) + $(org_index "$1"))); }

# True when ORG's mirror is an external database (only this node's own org can have one: LEDGER_DATABASE_URL).
org_external_db() { [[ $1 == "$LEDGER_NODE_ORG" && -n $LEDGER_DATABASE_URL ]]; }

org_jdbc_url() {
  if org_external_db "$1"; then echo "$LEDGER_DATABASE_URL"; else echo "jdbc:postgresql://127.0.0.1:$(org_pg_port "$1")/ledger"; fi
}

# The libpq URI of the read-only role on ORG's mirror (what `env` prints as LEDGER_PG_URL); default this node's org.
reader_url() {
  local org=${1:-$LEDGER_NODE_ORG}
  if org_external_db "$org"; then
    printf '%s\n' "${LEDGER_READER_URL:-}"
  else
    printf 'postgresql://ledger_reader@127.0.0.1:%s/ledger\n' "$(org_pg_port "$org")"
  fi
}

# Every org this node runs processes for: its own first, then the other members.
node_orgs() { printf '%s\n' "$LEDGER_NODE_ORG" $(member_orgs); }

# Writes what clients of this node need to find its own processes: network/node.properties. The member.<Org>.*
# keys say where the other member orgs' local nodes are.
write_node_properties() {
  local org
  cat >"$LEDGER_HOME/network/node.properties.partial" <<PROPS
# This node's own processes, written by scripts/ledger up.
node.org=$LEDGER_NODE_ORG
node.portOffset=$LEDGER_PORT_OFFSET
database.jdbcUrl=$(org_jdbc_url "$LEDGER_NODE_ORG")
database.embedded=$(org_external_db "$LEDGER_NODE_ORG" && echo false || echo true)
database.readerUrl=$(reader_url)
bridge.healthUrl=http://127.0.0.1:$(bridge_port)
api.url=http://127.0.0.1:$(api_port)
api.grpcAddress=127.0.0.1:$(grpc_port)
$(for org in $LEDGER_ORGS; do printf 'attester.%s=http://127.0.0.1:%s\n' "$org" "$(org_api_port "$org")"; done)
$(for org in $(member_orgs); do
    printf 'member.%s.database.jdbcUrl=%s\nmember.%s.database.readerUrl=%s\nmember.%s.bridge.healthUrl=http://127.0.0.1:%s\nmember.%s.api.url=http://127.0.0.1:%s\n' \
      "$org" "$(org_jdbc_url "$org")" "$org" "$(reader_url "$org")" "$org" "$(org_bridge_port "$org")" "$org" "$(org_api_port "$org")"
  done)
auth.devDir=$(dev_auth_dir)
PROPS
  mv "$LEDGER_HOME/network/node.properties.partial" "$LEDGER_HOME/network/node.properties"
}

# Every org's embedded PostgreSQL (this node's own unless LEDGER_DATABASE_URL names another).
start_databases() {
  write_node_properties
  local org
  for org in $(node_orgs); do
    org_external_db "$org" || start_database "$org"
  done
}

start_database() {
  local org=$1 name port
  name=$(org_process postgres "$org")
  port=$(org_pg_port "$org")
  if running_pid "$name" >/dev/null; then wait_live "$name"; return 0; fi
  require_ports_free "$name" "$port"
  start_supervised "$name"
  # Ready once it created the mirror database and answers the PostgreSQL protocol.
  local deadline=$((SECONDS + LEDGER_START_TIMEOUT))
  until "$LEDGER_REPO/scripts/lib/probe.sh" pg "127.0.0.1:$port" "$LEDGER_PROBE_TIMEOUT" \
    && [[ $(supervisor_state "$name") == live ]]; do
    require_not_restarted "$name"
    ((SECONDS < deadline)) || die "$name did not start within ${LEDGER_START_TIMEOUT}s; see $(log_file "$name")"
    sleep 0.25
  done
  say "started $name on 127.0.0.1:$port (log: $(log_file "$name"))"
}

# Every org's sync-bridge, each reading blocks from its own org's peer into its own org's mirror.
start_bridges() {
  local org
  for org in $(node_orgs); do start_bridge "$org"; done
}

start_bridge() {
  local org=$1 name port
  name=$(org_process sync-bridge "$org")
  port=$(org_bridge_port "$org")
  if running_pid "$name" >/dev/null; then wait_live "$name"; return 0; fi
  require_ports_free "$name" "$port"
  start_supervised "$name"
  wait_healthy "$name" "http://127.0.0.1:$port/health/ready"
  say "started $name for $org (metrics http://127.0.0.1:$port/metrics, log: $(log_file "$name"))"
}

# The sync-bridge's command line for ORG.
bridge_command() {
  local org=$1
  local args=(--set "network.home=$LEDGER_HOME" --set "network.org=$org" --set "health.port=$(org_bridge_port "$org")")
  if org_external_db "$org"; then
    args+=(--set "database.url=$LEDGER_DATABASE_URL")
  else
    args+=(--set "database.embedded.port=$(org_pg_port "$org")")
  fi
  [[ -n ${LEDGER_BRIDGE_CONFIG:-} ]] && args+=(--config "$LEDGER_BRIDGE_CONFIG")
  printf '%s\n' java -jar "$LEDGER_BRIDGE_JAR" "${args[@]}"
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
dev_auth_dir() { printf '%s\n' "$LEDGER_HOME/dev-auth"; }

start_node_service() {
  if running_pid node-service >/dev/null; then wait_live node-service; return 0; fi
  require_ports_free node-service "$(api_port)" "$(grpc_port)"
  # The dev issuer's key pair exists before the service reads its public half.
  java -cp "$LEDGER_SERVICE_JAR" io.ledgernode.node.auth.DevTokens --dir "$(dev_auth_dir)" --issuer ledger-node-dev \
    --audience ledger-node --subject bootstrap --role auditor --ttl PT1M >/dev/null \
    || die "cannot create the development signing key in $(dev_auth_dir)"
  start_supervised node-service
  wait_healthy node-service "http://127.0.0.1:$(api_port)/health/ready"
  say "started node-service: REST on http://127.0.0.1:$(api_port), gRPC on 127.0.0.1:$(grpc_port) (log: $(log_file node-service))"
}

# node-service's command line for ORG: this node's reads network/node.properties; a member org's node is told its
# own mirror and its own bridge.
node_service_command() {
  local org=$1
  local args=(java -Dnode.ledger-home="$LEDGER_HOME" -Dnode.org="$org" -Dserver.port="$(org_api_port "$org")"
    -Dgrpc.port="$(org_grpc_port "$org")" -Dauth.issuers.0.jwks-file="$(dev_auth_dir)/dev-jwks.json")
  if [[ $org != "$LEDGER_NODE_ORG" ]]; then
    args+=(-Dnode.mirror.jdbc-url="$(org_jdbc_url "$org")" -Dnode.bridge-health-url="http://127.0.0.1:$(org_bridge_port "$org")")
  fi
  [[ -n ${LEDGER_SERVICE_CONFIG:-} ]] && args+=(-Dconfig.file="$LEDGER_SERVICE_CONFIG")
  printf '%s\n' "${args[@]}" -jar "$LEDGER_SERVICE_JAR"
}

# The other member orgs' nodes. In a consortium each org runs its own node; locally they run here too, each a
# node-service acting as its org over its own mirror, so that proof bundles carry every member org's validity
# attestation.
member_orgs() {
  local org
  for org in $LEDGER_ORGS; do [[ $org == "$LEDGER_NODE_ORG" ]] || printf '%s\n' "$org"; done
}
member_node_names() {
  local org
  for org in $(member_orgs); do printf 'node-service.%s ' "$org"; done
}

# This node's API port for its own org; the next ports, in LEDGER_ORGS order, for the other members' nodes.
org_api_port() { echo $(($(api_port) + $(org_index "$1"))); }
org_grpc_port() { echo $(($(grpc_port) + $(org_index "$1"))); }

start_member_nodes() {
  local org name port
  for org in $(member_orgs); do
    name=node-service.$org
    if running_pid "$name" >/dev/null; then wait_live "$name"; continue; fi
    port=$(org_api_port "$org")
    require_ports_free "$name" "$port" "$(org_grpc_port "$org")"
    start_supervised "$name"
    wait_healthy "$name" "http://127.0.0.1:$port/health/ready"
    say "started $org's node on http://127.0.0.1:$port over its own mirror (attests blocks for proofs; log: $(log_file "$name"))"
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
