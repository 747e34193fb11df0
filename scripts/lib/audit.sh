# Reconciliation, signed regulator reports and auditor proofs: the reconciler's scheduler process, an on-demand run,
# and the offline checks of a report and of a proof bundle.
# shellcheck shell=bash

reconciler_args() {
  local args=(--set "network.home=$LEDGER_HOME" --set "network.org=$LEDGER_NODE_ORG")
  [[ -z $LEDGER_RECONCILER_CONFIG ]] || args+=(--config "$LEDGER_RECONCILER_CONFIG")
  printf '%s\n' "${args[@]}"
}

# reconciler_command JAR: the scheduler of the nightly reconciliation, one word a line. It is one member of the
# reconciler's Quartz cluster (its job store is in PostgreSQL, so several of them never run the job at once).
reconciler_command() {
  local args
  mapfile -t args < <(reconciler_args)
  printf '%s\n' java -jar "$1" schedule "${args[@]}" --set "metrics.port=$(process_port reconciler)"
}

# reconcile [--full]: one reconciliation now, with its signed reports (the day so far); the last line printed is the
# directory of the run's consolidated reconciliation report. Its block pass continues from the last clean run;
# --full re-verifies every block from block 0. Exit 0 no breaks, 1 breaks found, 3 another run in progress, 4 the
# run failed.
reconcile_now() {
  require_up
  local args rc=0 blocks=continue jar=$LEDGER_RECONCILER_JAR name
  [[ ${1:-} != --full ]] || blocks=full
  # The build the node's reconciler was started with (pinned by `up`), not target/'s: a rebuild during a long run
  # cannot change the code under it, and both reconcile with the same code.
  if name=$(process_of reconciler "$LEDGER_NODE_ORG") && [[ -f $(run_dir)/$name.jar ]]; then read -r jar <"$(run_dir)/$name.jar"; fi
  mapfile -t args < <(reconciler_args)
  java -jar "$jar" run --blocks "$blocks" "${args[@]}" --set reports.day=current || rc=$?
  return "$rc"
}

# The CA certificate of this node's org: what its reports' signatures must chain to.
org_ca_certificate() {
  local org=${LEDGER_NODE_ORG,,} ca
  ca=$(find "$LEDGER_HOME/crypto/peerOrganizations" -path "*/$org.*/msp/cacerts/*.pem" 2>/dev/null | head -n 1)
  [[ -n $ca ]] || die "no CA certificate of $LEDGER_NODE_ORG under $LEDGER_HOME/crypto (pass --ca <ca.pem>)"
  printf '%s\n' "$ca"
}

# verify-report <dir> [--ca <ca.pem>]: checks a report offline: every file against the signed manifest, exactly one
# signer chaining to the CA (by default this node's org CA). Exit 0 verified, 1 not, 2 usage.
verify_report() {
  local dir="" ca="" jar
  while (($#)); do
    case $1 in
      --ca) [[ $# -ge 2 ]] || die "verify-report: --ca needs a certificate file"; ca=$2; shift 2 ;;
      -*) die "verify-report: unknown option $1 (usage: scripts/ledger verify-report <report-dir> [--ca <ca.pem>])" ;;
      *) [[ -z $dir ]] || die "verify-report takes one report directory"; dir=$1; shift ;;
    esac
  done
  [[ -n $dir ]] || die "usage: scripts/ledger verify-report <report-dir> [--ca <ca.pem>]"
  [[ -n $ca ]] || ca=$(org_ca_certificate)
  build_jars
  jar=$(find "$LEDGER_REPO/compliance-reports/target" -maxdepth 1 -name 'compliance-reports-*-verify.jar' | head -n 1)
  [[ -n $jar ]] || die "the report verifier was not built (compliance-reports/target/*-verify.jar)"
  # Its exit status is the answer (0 verified, 1 not, 2 usage), not a failure of this script.
  local rc=0
  java -jar "$jar" "$dir" --ca "$ca" || rc=$?
  return "$rc"
}

# verify-proof <bundle.json> [verifier options]: checks a transaction's proof bundle offline. Without --roots or
# --config-block it trusts the root CA certificates of this network's orgs (orderer and members) and nothing else.
verify_proof() {
  [[ $# -ge 1 && $1 != -* ]] || die "usage: scripts/ledger verify-proof <bundle.json> [--roots <dir-or-pem>...] [--config-block <block.pb>] [--trusted-block N --trusted-block-hash HEX] [--attestations-min N]"
  local args=("$@") trust=0 arg roots=()
  for arg in "$@"; do [[ $arg == --roots || $arg == --config-block ]] && trust=1; done
  if ((trust == 0)); then
    mapfile -t roots < <(find "$LEDGER_HOME/crypto" -maxdepth 4 -path '*Organizations/*/msp/cacerts' -type d 2>/dev/null | sort)
    ((${#roots[@]})) || die "no org root certificates under $LEDGER_HOME/crypto (pass --roots <dir-or-pem>)"
    args+=(--roots "${roots[@]}")
  fi
  build_jars
  local jar=$LEDGER_PROOF_VERIFIER_JAR rc=0
  [[ -f $jar ]] || die "the proof verifier was not built ($jar)"
  # Its exit status is the answer (0 every check passed, 1 one failed, 2 usage), not a failure of this script.
  java_quiet -jar "$jar" "${args[@]}" || rc=$?
  return "$rc"
}
