# join-org: a member org added to the running channel, as Fabric does it: the org's definition (its MSP, policies and
# anchor peer) goes into the channel's configuration by a config update that a majority of the existing member orgs'
# admins sign (the Application group's Admins policy, MAJORITY Admins); then the org's peers join, it approves the
# committed chaincode definition, and its node (mirror, sync-bridge, node-service, reconciler) starts.
# shellcheck shell=bash

# Which orgs the channel has as members, as this home last knew it: written when the genesis block is created, and
# by join-org. `up` refuses a description that names an org the channel does not have (join-org adds it).
channel_members_file() { printf '%s\n' "$LEDGER_HOME/network/$LEDGER_CHANNEL.members"; }

# Records the channel's member orgs when the file is not there yet (a home from before the file existed: its channel
# has the orgs its description has now).
record_channel_members() {
  [[ -f $(channel_members_file) ]] || tr ' ' '\n' <<<"$LEDGER_ORGS" >"$(channel_members_file)"
}

# The description's orgs that the channel does not have as members yet, one a line.
joining_orgs() {
  local org
  for org in $LEDGER_ORGS; do grep -qxF -- "$org" "$(channel_members_file)" || printf '%s\n' "$org"; done
}

# Dies when the description names an org that is not a member of the channel yet (it was added to the description
# after the channel was created): its peers could not join, nor could it approve the chaincode.
require_channel_members() {
  # A bundle's channel membership is the consortium's business, not this home's (join-org does not run there).
  is_bundle && return 0
  local joining
  joining=$(joining_orgs | tr '\n' ' ')
  [[ -z $joining ]] || die "${joining% } is in the description but not a member of channel $LEDGER_CHANNEL yet: run scripts/ledger join-org ${joining%% *}"
}

# join_org ORG: ORG (already in the description) becomes a member of the running channel, and its processes start.
# Each step is skipped when done, so a join that stopped half way is finished by running it again.
join_org() {
  local org=$1
  is_bundle && die "join-org runs where every member org's admin is at hand (the local network); across hosts each org's admin signs the update from its own bundle, which this version does not do yet (README, \"Joining a member org\")"
  require_generated
  build_jars
  generate_network
  # shellcheck source=/dev/null
  source "$(network_env)"
  grep -qw -- "$org" <<<"$LEDGER_ORGS" || die "no org named '$org' in $LEDGER_NETWORK (orgs: $LEDGER_ORGS): add it to the description first"
  local name
  for name in $(process_names); do
    [[ $(process_org "$name") == "$org" ]] || running_pid "$name" >/dev/null \
      || die "$name is not running: join-org adds an org to a running network (scripts/ledger up first)"
  done
  add_org_to_channel "$org"
  start_processes peer
  join_peers
  wait_gossip
  join_chaincode "$org"
  write_node_properties
  start_processes postgres sync-bridge node-service reconciler
  say "$org is a member of channel $LEDGER_CHANNEL; its node: REST on $(org_api_url "$org")"
}

# add_org_to_channel ORG: the config update that adds ORG, signed by a majority of the channel's member orgs' admins
# (the issuer's first) and submitted by the last of them; nothing when ORG is a member already.
add_org_to_channel() {
  local org=$1 work=$LEDGER_HOME/join/$1 members signers=() member needed i
  rm -rf "$work" && mkdir -p "$work"
  (
    use_org "$LEDGER_ISSUER_ORG"
    run_logged "fetching the channel configuration" "$LEDGER_HOME/logs/admin.log" \
      peer channel fetch config "$work/config.block" -c "$LEDGER_CHANNEL" -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA"
  ) || exit 1
  members=$(netconfig channel-orgs --block "$work/config.block") || die "cannot read the channel's configuration (message above)"
  if grep -qxF -- "$org" <<<"$members"; then
    say "$org is a member of channel $LEDGER_CHANNEL already"
  else
    step "adding $org to channel $LEDGER_CHANNEL (members now: $(tr '\n' ' ' <<<"$members"))"
    FABRIC_CFG_PATH=$LEDGER_HOME/network/configtx configtxgen -printOrg "$org" >"$work/org.json" 2>>"$LEDGER_HOME/logs/admin.log" \
      || die "configtxgen -printOrg $org failed (see $LEDGER_HOME/logs/admin.log)"
    # Placed where it goes in a channel's configuration: configtxlator types the org's values (MSP, anchor peers) by
    # their place, so a bare common.ConfigGroup cannot be encoded.
    { printf '{"channel_group":{"groups":{"Application":{"groups":{"%s":' "$org"; cat "$work/org.json"; printf '}}}}}\n'; } >"$work/org-config.json"
    run_logged "encoding $org's definition" "$LEDGER_HOME/logs/admin.log" \
      configtxlator proto_encode --input "$work/org-config.json" --type common.Config --output "$work/org.pb"
    netconfig add-org --block "$work/config.block" --org "$org" --definition "$work/org.pb" \
      --original "$work/original.pb" --modified "$work/modified.pb" || die "cannot add $org to the configuration (message above)"
    run_logged "computing the config update" "$LEDGER_HOME/logs/admin.log" \
      configtxlator compute_update --channel_id "$LEDGER_CHANNEL" --original "$work/original.pb" \
      --updated "$work/modified.pb" --output "$work/update.pb"
    netconfig update-envelope --channel "$LEDGER_CHANNEL" --update "$work/update.pb" --out "$work/update-envelope.pb" \
      || die "cannot write the config update transaction (message above)"
    # The signers: a majority of the current members (MAJORITY Admins), the issuer first.
    needed=$(($(wc -l <<<"$members") / 2 + 1))
    grep -qxF -- "$LEDGER_ISSUER_ORG" <<<"$members" && signers=("$LEDGER_ISSUER_ORG")
    while IFS= read -r member; do
      [[ $member == "$LEDGER_ISSUER_ORG" ]] || signers+=("$member")
    done <<<"$members"
    for ((i = 0; i < needed - 1; i++)); do
      step "signing the update as ${signers[$i]}'s admin"
      (use_org "${signers[$i]}" && run_logged "signconfigtx (${signers[$i]})" "$LEDGER_HOME/logs/admin.log" \
        peer channel signconfigtx -f "$work/update-envelope.pb") || exit 1
    done
    step "submitting the update as ${signers[$((needed - 1))]}'s admin ($needed of $(wc -l <<<"$members") member orgs sign)"
    (
      use_org "${signers[$((needed - 1))]}"
      run_logged "peer channel update" "$LEDGER_HOME/logs/admin.log" \
        peer channel update -f "$work/update-envelope.pb" -c "$LEDGER_CHANNEL" -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA"
    ) || exit 1
  fi
  grep -qxF -- "$org" "$(channel_members_file)" || printf '%s\n' "$org" >>"$(channel_members_file)"
}

# join_chaincode ORG: ORG approves the committed definition (its sequence and version, with ORG's own package of the
# same build) and its chaincode server runs that package; ORG's peers then run the chaincode.
join_chaincode() {
  local org=$1 sequence label pkg package_id jar name
  read -r sequence label <<<"$(use_org "$LEDGER_ISSUER_ORG" && peer lifecycle chaincode querycommitted -C "$LEDGER_CHANNEL" \
    -n "$LEDGER_CHAINCODE" -O json 2>/dev/null | netconfig peer-output --query committed-definition)"
  [[ -n $label ]] || die "no chaincode $LEDGER_CHAINCODE is committed on channel $LEDGER_CHANNEL: nothing for $org to approve"
  jar=$LEDGER_HOME/chaincode/$label/ledger-chaincode.jar
  [[ -f $jar ]] || die "the committed build $label is not in $LEDGER_HOME/chaincode: deploy-chaincode first, then join-org again"
  pkg=$(package_chaincode "$org" "$label")
  package_id=$(use_org "$org" && peer lifecycle chaincode calculatepackageid "$pkg" 2>/dev/null) || die "cannot compute the package id of $pkg"
  for name in $(process_names peer); do
    [[ $(process_org "$name") == "$org" ]] && install_package_on "$org" "$name" "$pkg" "$package_id" "$label"
  done
  name=$(process_of chaincode "$org") || die "no chaincode server for org $org"
  if ! running_pid "$name" >/dev/null; then start_chaincode_server "$org" "$package_id" "$jar"; fi
  (use_org "$org" && approved_with "$sequence" "$package_id") || approve_as "$org" "$sequence" "$label" "$package_id"
  # The org's peer runs the chaincode once it has the approval's block: asked as the org's admin, it answers.
  (
    use_org "$org"
    local tries=0
    until peer chaincode query -C "$LEDGER_CHANNEL" -n "$LEDGER_CHAINCODE" -c '{"function":"Governance:config","Args":[""]}' >/dev/null 2>&1; do
      ((++tries < 60)) || die "$org's peer does not run chaincode $LEDGER_CHAINCODE 60 s after the approval (see $LEDGER_HOME/logs/)"
      sleep 1
    done
  ) || exit 1
}
