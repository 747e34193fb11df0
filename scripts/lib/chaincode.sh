# deploy-chaincode: package the ledger chaincode as a service for each org, install it on the org's peers, run the
# org's chaincode server under supervision, approve the definition as every org, commit it, and configure the
# ledger once. Re-running with unchanged code changes nothing; with new code it upgrades (next sequence).
# shellcheck shell=bash

# The label names the exact build: a CCaaS package carries no code, so a digest of the jar goes into the label
# (network-config's ChaincodeLabel: each zip entry's name, size and CRC-32 in name order).
chaincode_label() {
  netconfig chaincode-label --name "$LEDGER_CHAINCODE" --jar "$LEDGER_CHAINCODE_JAR" \
    || die "cannot read the chaincode jar $LEDGER_CHAINCODE_JAR (message above)"
}

# Builds an org's package deterministically (fixed mtimes and owners, no gzip name or time), so the package id
# depends only on the label and the connection.
package_chaincode() {
  local org=$1 label=$2 dir=$LEDGER_HOME/chaincode/$2/$1
  if [[ ! -f $dir/$label.tgz ]]; then
    rm -rf "$dir" && mkdir -p "$dir/src"
    netconfig chaincode-package --home "$LEDGER_HOME" --org "$org" --label "$label" --out "$dir/src" \
      || die "cannot write the chaincode package of $org (message above)"
    local tarflags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner)
    tar "${tarflags[@]}" -C "$dir/src" -cf - connection.json | gzip -n >"$dir/src/code.tar.gz"
    tar "${tarflags[@]}" -C "$dir/src" -cf - metadata.json code.tar.gz | gzip -n >"$dir/$label.tgz.partial"
    mv "$dir/$label.tgz.partial" "$dir/$label.tgz"
  fi
  printf '%s\n' "$dir/$label.tgz"
}

# install_package_on ORG PEER PACKAGE PACKAGE_ID LABEL: installs PACKAGE on PEER as ORG's admin, at that peer's
# address, unless PEER has it already.
install_package_on() {
  local org=$1 name=$2 pkg=$3 package_id=$4 label=$5
  (
    use_org "$org"
    # shellcheck source=/dev/null
    CORE_PEER_ADDRESS=$(source "$(node_env "$name")" && printf '%s' "$CORE_PEER_ADDRESS")
    # shellcheck source=/dev/null
    CORE_PEER_TLS_ROOTCERT_FILE=$(source "$(node_env "$name")" && printf '%s' "$CORE_PEER_TLS_ROOTCERT_FILE")
    export CORE_PEER_ADDRESS CORE_PEER_TLS_ROOTCERT_FILE
    installed=$(peer lifecycle chaincode queryinstalled -O json 2>/dev/null | netconfig peer-output --query installed-package-ids) || installed=""
    if ! grep -qxF -- "$package_id" <<<"$installed"; then
      step "installing chaincode package $label on $name"
      run_logged "chaincode install ($name)" "$LEDGER_HOME/logs/admin.log" peer lifecycle chaincode install "$pkg"
    fi
  ) || exit 1
}

# approve_as ORG SEQUENCE LABEL PACKAGE_ID: ORG's admin approves the chaincode's definition (the build's label as its
# version, at SEQUENCE) with the org's own package.
approve_as() {
  local org=$1 sequence=$2 label=$3 package_id=$4
  step "approving $LEDGER_CHAINCODE sequence $sequence as $org"
  (
    use_org "$org"
    run_logged "approveformyorg ($org)" "$LEDGER_HOME/logs/admin.log" \
      peer lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" \
      -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" --version "$label" --sequence "$sequence" --package-id "$package_id"
  ) || exit 1
}

# The committed definition's sequence, 0 when none is committed yet.
committed_sequence() {
  local out
  out=$(peer lifecycle chaincode querycommitted -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" -O json 2>/dev/null) || { echo 0; return 0; }
  out=$(netconfig peer-output --query committed-sequence <<<"$out") || die "cannot read the committed definition (message above)"
  echo "${out:-0}"
}

# True when ORG approved PACKAGE_ID at SEQUENCE.
approved_with() {
  local sequence=$1 package_id=$2 out
  out=$(peer lifecycle chaincode queryapproved -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" --sequence "$sequence" -O json 2>/dev/null) || return 1
  [[ $(netconfig peer-output --query approved-package-id <<<"$out") == "$package_id" ]]
}

# start_chaincode_server ORG PACKAGE_ID JAR: (re)starts the org's chaincode server under supervision.
start_chaincode_server() {
  local org=$1 package_id=$2 jar=$3 name
  name=$(process_of chaincode "$org") || die "no chaincode server for org $org"
  stop_process "$name" >/dev/null 2>&1
  # What the server runs (scripts/ledger run-process reads it at every start and restart).
  mkdir -p "$(run_dir)"
  printf '%s %s\n' "$package_id" "$jar" >"$(run_dir)/$name.chaincode"
  start_roster_process "$name"
}

deploy_chaincode() {
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  build_jars
  local label sequence org pkg package_id jar already=1 peer_args name
  # One peer of every org (the generator's --peerAddresses/--tlsRootCertFiles pairs), enough for endorsement.
  read -ra peer_args <<<"$LEDGER_ALL_PEER_ARGS"
  label=$(chaincode_label)
  declare -A package_ids=()
  sequence=$(use_org "$LEDGER_ISSUER_ORG" && committed_sequence)
  for org in $LEDGER_ORGS; do
    pkg=$(package_chaincode "$org" "$label")
    package_id=$(use_org "$org" && peer lifecycle chaincode calculatepackageid "$pkg" 2>/dev/null) || die "cannot compute the package id of $pkg"
    package_ids[$org]=$package_id
    # On every peer of the org (each may be the one that endorses).
    for name in $(process_names peer); do
      [[ $(process_org "$name") == "$org" ]] || continue
      install_package_on "$org" "$name" "$pkg" "$package_id" "$label"
    done
    if ((sequence == 0)) || ! (use_org "$org" && approved_with "$sequence" "$package_id"); then
      already=0
    fi
  done
  # The servers run a copy of the jar kept with the package, so rebuilding target/ never changes running code.
  jar=$LEDGER_HOME/chaincode/$label/ledger-chaincode.jar
  [[ -f $jar ]] || cp "$LEDGER_CHAINCODE_JAR" "$jar"

  if ((already)); then
    ensure_chaincode_servers "$label" "$jar" package_ids
    say "chaincode $LEDGER_CHAINCODE is deployed at sequence $sequence with this build ($label)"
  else
    sequence=$((sequence + 1))
    ensure_chaincode_servers "$label" "$jar" package_ids force
    for org in $LEDGER_ORGS; do approve_as "$org" "$sequence" "$label" "${package_ids[$org]}"; done
    step "committing $LEDGER_CHAINCODE sequence $sequence"
    (
      use_org "$LEDGER_ISSUER_ORG"
      run_logged "chaincode commit" "$LEDGER_HOME/logs/admin.log" \
        peer lifecycle chaincode commit -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" \
        -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" --version "$label" --sequence "$sequence" "${peer_args[@]}"
    ) || exit 1
    say "chaincode $LEDGER_CHAINCODE committed at sequence $sequence ($label)"
  fi
  configure_ledger
}

# ensure_chaincode_servers LABEL JAR IDS [force]: every org's server runs this label's package (restarting those that
# run another package, or all of them with force).
ensure_chaincode_servers() {
  local label=$1 jar=$2 force=${4:-}
  local -n ids=$3
  local name org current
  for name in $(process_names chaincode); do
    org=$(process_org "$name")
    current=""
    [[ -f $(run_dir)/$name.chaincode ]] && current=$(cut -d' ' -f1 "$(run_dir)/$name.chaincode")
    if [[ -n $force || $current != "${ids[$org]}" ]] || ! running_pid "$name" >/dev/null; then
      start_chaincode_server "$org" "${ids[$org]}" "$jar"
    fi
  done
}

# What `up` does for the chaincode: deploy it if none is committed yet; otherwise restart each org's server with
# the package it last ran. `up` never upgrades: a new build goes in only through deploy-chaincode.
up_chaincode() {
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  local sequence name package_id jar recorded=1
  sequence=$(use_org "$LEDGER_ISSUER_ORG" && committed_sequence)
  for name in $(process_names chaincode); do
    [[ -f $(run_dir)/$name.chaincode ]] || recorded=0
  done
  if ((sequence == 0 || recorded == 0)); then
    deploy_chaincode
    return
  fi
  for name in $(process_names chaincode); do
    if running_pid "$name" >/dev/null; then wait_live "$name"; continue; fi
    read -r package_id jar <"$(run_dir)/$name.chaincode"
    start_chaincode_server "$(process_org "$name")" "$package_id" "$jar"
  done
  configure_ledger
}

# Sets the ledger's issuer and limits from the network description, once, as an admin of the issuer org.
configure_ledger() {
  (
    use_org "$LEDGER_ISSUER_ORG"
    local out tries=0
    # The first call after a (re)start waits for the peer to dial the chaincode server.
    until out=$(peer chaincode query -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" -c '{"function":"Governance:config","Args":[""]}' 2>&1); do
      if grep -q 'NOT_CONFIGURED' <<<"$out"; then break; fi
      ((++tries < 30)) || die "the chaincode does not answer: ${out##*$'\n'} (see $LEDGER_HOME/logs/)"
      sleep 1
    done
    if grep -q 'NOT_CONFIGURED' <<<"$out"; then
      step "configuring the ledger: $LEDGER_CONFIGURE_REQUEST"
      local peer_args
      read -ra peer_args <<<"$LEDGER_ALL_PEER_ARGS"
      # The whole call, written by the generator: the request is the one argument of Governance:configure.
      run_logged "Governance:configure" "$LEDGER_HOME/logs/admin.log" \
        peer chaincode invoke -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" -C "$LEDGER_CHANNEL" \
        -n "$LEDGER_CHAINCODE" "${peer_args[@]}" --waitForEvent -c "$LEDGER_CONFIGURE_ARGS"
    fi
  ) || exit 1
}
