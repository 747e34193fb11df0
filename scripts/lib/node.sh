# The node's own processes beside the Fabric network: the embedded PostgreSQL holding the mirror, the sync-bridge that
# keeps it in step with the chain, and node-service, the API. Every member org's node has its own: this node's org
# (LEDGER_NODE_ORG) uses the plain names (postgres, sync-bridge, node-service), each other member org the same names
# with .<Org> (postgres.Org2, sync-bridge.Org2, node-service.Org2), its own database fed by its own bridge from its
# own org's peer. Their names and ports come from the process roster (services.sh).
# shellcheck shell=bash

# ORG's port of its process of KIND (postgres, sync-bridge, node-service; N: its Nth port, node-service's 2 is gRPC).
org_port() { process_port "$(process_of "$1" "$2")" "${3:-1}"; }

# True when ORG's mirror is an external database (only this node's own org can have one: LEDGER_DATABASE_URL).
org_external_db() { [[ $1 == "$LEDGER_NODE_ORG" && -n $LEDGER_DATABASE_URL ]]; }

org_jdbc_url() {
  if org_external_db "$1"; then echo "$LEDGER_DATABASE_URL"; else echo "jdbc:postgresql://127.0.0.1:$(org_port postgres "$1")/ledger"; fi
}

# The libpq URI of the read-only role on ORG's mirror (what `env` prints as LEDGER_PG_URL); default this node's org.
reader_url() {
  local org=${1:-$LEDGER_NODE_ORG}
  if org_external_db "$org"; then
    printf '%s\n' "$LEDGER_READER_URL"
  else
    printf 'postgresql://ledger_reader@127.0.0.1:%s/ledger\n' "$(org_port postgres "$org")"
  fi
}

# Where node-service listens: loopback, or on one host of a consortium across hosts that host's address (the other
# orgs' nodes ask it for attestations there).
node_listen_host() {
  if [[ -n $LEDGER_HOST_ADDRESS ]]; then printf '%s\n' "$LEDGER_HOST_ADDRESS"; else printf '127.0.0.1\n'; fi
}

# org_api_url ORG: the REST URL of ORG's node: here, or on one host of a consortium the host the description puts
# ORG's node on (every host uses the same node ports: they are separate machines).
org_api_url() {
  local org=$1 pair
  if [[ -z $LEDGER_HOST_ADDRESS || $org == "$LEDGER_NODE_ORG" ]]; then
    printf 'http://%s:%s\n' "$(node_listen_host)" "$(org_port node-service "$org")"
    return 0
  fi
  for pair in $LEDGER_ORG_NODE_HOSTS; do
    [[ ${pair%%=*} == "$org" ]] && printf 'http://%s:%s\n' "${pair#*=}" "$(org_port node-service "$LEDGER_NODE_ORG")" && return 0
  done
  die "no node host for org $org in the network description"
}

# The other member orgs, whose nodes run here too (none on one host of a consortium: each org runs its own). In a consortium each org runs its own node; locally they run here,
# each a node-service acting as its org over its own mirror, so that proof bundles carry every member org's validity
# attestation.
member_orgs() {
  local org
  [[ -z $LEDGER_HOST_ADDRESS ]] || return 0
  for org in $LEDGER_ORGS; do [[ $org == "$LEDGER_NODE_ORG" ]] || printf '%s\n' "$org"; done
}

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
bridge.healthUrl=http://127.0.0.1:$(org_port sync-bridge "$LEDGER_NODE_ORG")
api.url=$(org_api_url "$LEDGER_NODE_ORG")
api.grpcAddress=$(node_listen_host):$(org_port node-service "$LEDGER_NODE_ORG" 2)
$(for org in $LEDGER_ORGS; do printf 'attester.%s=%s\n' "$org" "$(org_api_url "$org")"; done)
$(for org in $(member_orgs); do
    printf 'member.%s.database.jdbcUrl=%s\nmember.%s.database.readerUrl=%s\nmember.%s.bridge.healthUrl=http://127.0.0.1:%s\nmember.%s.api.url=http://127.0.0.1:%s\n' \
      "$org" "$(org_jdbc_url "$org")" "$org" "$(reader_url "$org")" "$org" "$(org_port sync-bridge "$org")" "$org" "$(org_port node-service "$org")"
  done)
auth.devDir=$(dev_auth_dir)
PROPS
  mv "$LEDGER_HOME/network/node.properties.partial" "$LEDGER_HOME/network/node.properties"
}

# bridge_command ORG JAR: the sync-bridge's command line for ORG, one word a line.
bridge_command() {
  local org=$1 jar=$2
  local args=(--set "network.home=$LEDGER_HOME" --set "network.org=$org" --set "health.port=$(org_port sync-bridge "$org")")
  if org_external_db "$org"; then
    args+=(--set "database.url=$LEDGER_DATABASE_URL")
  else
    args+=(--set "database.embedded.port=$(org_port postgres "$org")")
  fi
  [[ -z $LEDGER_BRIDGE_CONFIG ]] || args+=(--config "$LEDGER_BRIDGE_CONFIG")
  printf '%s\n' java -jar "$jar" "${args[@]}"
}

# Replays the chain from block 0 into a fresh database beside the mirror and compares the two.
mirror_rebuild() {
  require_up
  local args=(--set "network.home=$LEDGER_HOME" --set "network.org=$LEDGER_NODE_ORG")
  if org_external_db "$LEDGER_NODE_ORG"; then
    args+=(--set "database.url=$LEDGER_DATABASE_URL")
  else
    args+=(--set "database.embedded.port=$(org_port postgres "$LEDGER_NODE_ORG")")
  fi
  java -cp "$LEDGER_BRIDGE_JAR" io.ledgernode.bridge.rebuild.MirrorRebuild "${args[@]}"
}

# node-service's development token issuer signs with a key kept here.
dev_auth_dir() { printf '%s\n' "$LEDGER_HOME/dev-auth"; }

# node_service_command ORG JAR: node-service's command line for ORG, one word a line. This node's reads
# network/node.properties; a member org's node is told its own mirror and its own bridge.
node_service_command() {
  local org=$1 jar=$2 jvm
  read -ra jvm <<<"$LEDGER_SERVICE_JAVA_OPTS"
  local args=(java "${jvm[@]}" "-Dnode.ledger-home=$LEDGER_HOME" "-Dnode.org=$org" "-Dserver.host=$(node_listen_host)"
    "-Dserver.port=$(org_port node-service "$org")" "-Dgrpc.host=$(node_listen_host)" "-Dgrpc.port=$(org_port node-service "$org" 2)" "-Dauth.issuers.0.jwks-file=$(dev_auth_dir)/dev-jwks.json"
    # The console's one-click development sign-in (for browsers on loopback only), with the same key.
    "-Dnode.console.dev-sign-in-key-dir=$(dev_auth_dir)")
  if [[ $org != "$LEDGER_NODE_ORG" ]]; then
    args+=("-Dnode.mirror.jdbc-url=$(org_jdbc_url "$org")" "-Dnode.bridge-health-url=http://127.0.0.1:$(org_port sync-bridge "$org")")
  fi
  [[ $LEDGER_WEBHOOKS_PRIVATE_ALLOWED != true ]] || args+=("-Dnode.webhooks.private-addresses-allowed=true")
  # The operator's overrides as node-service's own argument (a -Dconfig.file property was ignored by Helidon).
  local overrides=()
  [[ -z $LEDGER_SERVICE_CONFIG ]] || overrides=(--config "$LEDGER_SERVICE_CONFIG")
  printf '%s\n' "${args[@]}" -jar "$jar" "${overrides[@]}"
}

# token --role R [--role R2] [--account A]... [--jurisdiction J] [--subject S] [--ttl PT15M]: a short-lived token
# signed by the local development key, for calling the API at once.
mint_token() {
  require_generated
  [[ -f $(dev_auth_dir)/dev-jwks.json ]] || die "no development key yet (run: scripts/ledger up)"
  local args=(--dir "$(dev_auth_dir)" --issuer ledger-node-dev --audience ledger-node) subject=""
  while (($#)); do
    case $1 in
      --subject) [[ $# -ge 2 ]] || die "token: $1 needs a value"; subject=$2; shift 2 ;;
      --role | --account | --jurisdiction | --ttl) [[ $# -ge 2 ]] || die "token: $1 needs a value"; args+=("$1" "$2"); shift 2 ;;
      *) die "token: unknown option $1 (--role, --account, --jurisdiction, --subject, --ttl)" ;;
    esac
  done
  # Without --subject, DevTokens gives each role, account and jurisdiction its own (dev-wallet-alice, dev-auditor).
  java -cp "$LEDGER_SERVICE_JAR" io.ledgernode.node.auth.DevTokens "${args[@]}" ${subject:+--subject "$subject"}
}
