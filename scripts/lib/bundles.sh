# A consortium across hosts: `generate` writes one bundle per host and one per org admin from a description; each
# bundle is a home for scripts/ledger (bundle.env says which host or admin it is). On a host, `up` runs that host's
# processes (network.sh, host_up); in an admin's bundle, join-peers, approve-chaincode and commit-chaincode act as
# that org's admin.
# shellcheck shell=bash

# generate DESCRIPTION OUT: the whole network's crypto material and genesis block, made once on this machine in
# OUT/.staging, then split into OUT/hosts/<address>/ and OUT/admins/<org>/; the staging copy is removed.
generate_bundles() {
  local description=$1 out=$2
  [[ -f $description ]] || die "generate: no network description at $description"
  [[ ! -e $out ]] || die "generate: $out already exists (bundles go into a new directory)"
  build_jars
  netconfig check --network "$description" || die "generate: $description is not a valid network description (message above)"
  local staging first_org label ids host node_org org
  first_org=$(netconfig hosts --network "$description" | awk -F'\t' '$2 != "-" {print $2; exit}')
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  staging=$out/.staging
  mkdir -p "$staging/logs"
  # Staged as the first org's admin: nothing runs there, and the hosts' processes may share ports.
  LEDGER_HOME=$staging LEDGER_NETWORK=$description LEDGER_PORT_OFFSET=0 LEDGER_NODE_ORG=$first_org LEDGER_HOST_ADDRESS="" \
    LEDGER_ADMIN_ORG=$first_org LEDGER_DATABASE_URL="" generate_network
  # The chaincode: one package per org (each names its own org's chaincode server), made the way deploy-chaincode
  # makes them, so the ids match what the peers compute.
  read -r label ids < <(
    LEDGER_HOME=$staging
    # shellcheck source=/dev/null
    source "$(network_env)"
    local label pkg id ids=""
    label=$(chaincode_label)
    for org in $LEDGER_ORGS; do
      pkg=$(package_chaincode "$org" "$label")
      id=$(use_org "$org" && peer lifecycle chaincode calculatepackageid "$pkg" 2>/dev/null) || die "cannot compute the package id of $pkg"
      ids+="$org=$id "
    done
    printf '%s %s\n' "$label" "$ids"
  )
  [[ -n $label && -n $ids ]] || die "generate: could not package the chaincode (message above)"
  local cc=(--chaincode-label "$label" --chaincode-package-ids "$ids")
  while IFS=$'\t' read -r host node_org; do
    netconfig bundle --home "$staging" --host "$host" --out "$out/hosts/$host" "${cc[@]}" || die "generate: cannot write the bundle of host $host (message above)"
    if [[ -d $out/hosts/$host/chaincode ]]; then
      mkdir -p "$out/hosts/$host/chaincode/$label"
      cp "$LEDGER_CHAINCODE_JAR" "$out/hosts/$host/chaincode/$label/ledger-chaincode.jar"
    fi
    say "host $host: $out/hosts/$host$([[ $node_org == - ]] || printf ' (node of %s)' "$node_org")"
  done < <(netconfig hosts --network "$description")
  # shellcheck source=/dev/null
  for org in $(source "$staging/network/network.env" && printf '%s\n' "$LEDGER_ORGS"); do
    netconfig bundle --home "$staging" --admin-org "$org" --out "$out/admins/$org" "${cc[@]}" || die "generate: cannot write the admin bundle of $org (message above)"
    cp "$staging/chaincode/$label/$org/$label.tgz" "$out/admins/$org/chaincode/$label.tgz"
    say "admin of $org: $out/admins/$org"
  done
  rm -rf "$staging"
  say "wrote the bundles of consortium $(sed -n 's/^name: *//p' "$description" | head -n 1) into $out (README: Running a real consortium)"
}

# Dies unless this home is an org admin's bundle.
require_admin_bundle() {
  [[ -n $LEDGER_ADMIN_ORG ]] || die "$1 runs in an org admin's bundle (LEDGER_HOME=<out>/admins/<org>, written by scripts/ledger generate)"
  mkdir -p "$LEDGER_HOME/logs"
  generate_network
  # shellcheck source=/dev/null
  source "$LEDGER_HOME/chaincode/package.env"
}

# join-peers: joins each peer of the admin's org to the channel (already joined: nothing to do).
admin_join_peers() {
  require_admin_bundle join-peers
  join_peers
  say "the peers of $LEDGER_ADMIN_ORG are joined to channel $LEDGER_CHANNEL"
}

# approve-chaincode: installs the bundle's chaincode package on each peer of the org and approves its definition as
# the org, at the next sequence (nothing to do when that definition is already committed or approved).
admin_approve_chaincode() {
  require_admin_bundle approve-chaincode
  local org=$LEDGER_ADMIN_ORG package_id=$LEDGER_BUNDLE_CHAINCODE_PACKAGE_ID label=$LEDGER_BUNDLE_CHAINCODE_LABEL name sequence
  for name in $(process_names peer); do
    install_package_on "$org" "$name" "$LEDGER_BUNDLE_CHAINCODE_PACKAGE" "$package_id" "$label"
  done
  sequence=$(use_org "$org" && committed_sequence)
  if ((sequence > 0)) && (use_org "$org" && approved_with "$sequence" "$package_id"); then
    say "chaincode $LEDGER_CHAINCODE ($label) is committed at sequence $sequence with $org's approval"
    return 0
  fi
  sequence=$((sequence + 1))
  if (use_org "$org" && approved_with "$sequence" "$package_id"); then
    say "$org has approved $LEDGER_CHAINCODE ($label) at sequence $sequence"
    return 0
  fi
  approve_as "$org" "$sequence" "$label" "$package_id"
}

# commit-chaincode: commits the definition the orgs approved (waiting up to LEDGER_JOIN_WAIT for enough of them),
# then, as the issuer's admin, configures the ledger once.
admin_commit_chaincode() {
  require_admin_bundle commit-chaincode
  local org=$LEDGER_ADMIN_ORG package_id=$LEDGER_BUNDLE_CHAINCODE_PACKAGE_ID label=$LEDGER_BUNDLE_CHAINCODE_LABEL sequence peer_args
  local deadline=$((SECONDS + LEDGER_JOIN_WAIT)) said=0
  read -ra peer_args <<<"$LEDGER_ALL_PEER_ARGS"
  sequence=$(use_org "$org" && committed_sequence)
  if ! { ((sequence > 0)) && (use_org "$org" && approved_with "$sequence" "$package_id"); }; then
    sequence=$((sequence + 1))
    step "committing $LEDGER_CHAINCODE sequence $sequence"
    # The commit is refused until the lifecycle's majority of orgs approved: each approves from its own bundle.
    until (
      use_org "$org"
      peer lifecycle chaincode commit -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" -C "$LEDGER_CHANNEL" \
        -n "$LEDGER_CHAINCODE" --version "$label" --sequence "$sequence" "${peer_args[@]}" >>"$LEDGER_HOME/logs/admin.log" 2>&1
    ); do
      ((SECONDS < deadline)) || die "cannot commit $LEDGER_CHAINCODE sequence $sequence within ${LEDGER_JOIN_WAIT}s (have enough orgs run approve-chaincode?); see $LEDGER_HOME/logs/admin.log"
      ((said)) || say "waiting for the other orgs' approvals of $LEDGER_CHAINCODE sequence $sequence (approve-chaincode in each org admin's bundle)"
      said=1
      sleep 3
    done
    say "chaincode $LEDGER_CHAINCODE committed at sequence $sequence ($label)"
  fi
  if [[ $org == "$LEDGER_ISSUER_ORG" ]]; then
    configure_ledger
  else
    say "the issuer $LEDGER_ISSUER_ORG configures the ledger (commit-chaincode in its admin's bundle)"
  fi
}
