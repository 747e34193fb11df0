# Signed regulator reports: verifying one offline.
# shellcheck shell=bash

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
