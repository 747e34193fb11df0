# install-fabric: Fabric's binaries, the chaincode-as-a-service builder and Fabric's stock config files, installed
# from the Go module proxy with `go install`, pinned by commit, into a cache later runs reuse.
# shellcheck shell=bash

FABRIC_TOOLS=(peer orderer configtxgen osnadmin cryptogen configtxlator)
FABRIC_BUILDER=(detect build release)

fabric_complete() {
  local home=$1 t
  for t in "${FABRIC_TOOLS[@]}"; do [[ -x $home/bin/$t ]] || return 1; done
  for t in "${FABRIC_BUILDER[@]}"; do [[ -x $home/builders/ccaas/bin/$t ]] || return 1; done
  [[ -f $home/config/core.yaml && -f $home/config/orderer.yaml ]] || return 1
}

fabric_version() {
  "$LEDGER_FABRIC_HOME/bin/peer" version 2>/dev/null | awk '/^ Version:/ {print $2; exit}'
}

require_go() {
  command -v go >/dev/null 2>&1 || die "Go not found on PATH; Go $LEDGER_FABRIC_GO_MIN or newer is needed to install Fabric $LEDGER_FABRIC_VERSION"
  local v
  v=$(go env GOVERSION 2>/dev/null)
  v=${v#go}
  version_at_least "$v" "$LEDGER_FABRIC_GO_MIN" || die "Go $v is older than $LEDGER_FABRIC_GO_MIN, which Fabric $LEDGER_FABRIC_VERSION needs"
}

# Dies with the first error line the Go tool printed, which names the module and what the proxy answered.
fabric_install_failed() {
  local log=$1 first
  first=$(grep -m 1 -E 'invalid version|not available|403|404|410|unknown revision|requires go|cannot find|error' "$log" || true)
  [[ -n $first ]] || first=$(grep -v '^\s*$' "$log" | tail -n 1)
  die "install-fabric: go install of github.com/hyperledger/fabric@${LEDGER_FABRIC_COMMIT:0:12} failed: ${first} (full output: $log)"
}

install_fabric() {
  if fabric_complete "$LEDGER_FABRIC_HOME"; then
    local v
    v=$(fabric_version)
    [[ $v == 3.1.* ]] || die "Fabric at $LEDGER_FABRIC_HOME reports version '${v:-unknown}', not 3.1.x"
    say "Fabric $v is installed at $LEDGER_FABRIC_HOME"
    return 0
  fi
  if ((LEDGER_FABRIC_HOME_GIVEN)); then
    die "LEDGER_FABRIC_HOME=$LEDGER_FABRIC_HOME lacks Fabric's binaries (bin/{${FABRIC_TOOLS[*]}}), the ccaas builder (builders/ccaas/bin/) or config/{core,orderer}.yaml"
  fi
  require_go
  step "installing Fabric $LEDGER_FABRIC_VERSION (commit ${LEDGER_FABRIC_COMMIT:0:7}) from the Go module proxy into $LEDGER_FABRIC_HOME"
  local stage=$LEDGER_FABRIC_HOME.partial log=$LEDGER_CACHE/install-fabric.log pkgs=() t dir
  rm -rf "$stage"
  mkdir -p "$stage/bin" "$stage/builders/ccaas/bin" "$stage/config"
  : >"$log"
  for t in "${FABRIC_TOOLS[@]}"; do pkgs+=("github.com/hyperledger/fabric/cmd/$t@$LEDGER_FABRIC_COMMIT"); done
  # Outside any module, so go.mod of this repo (there is none) cannot interfere; static binaries, no gcc needed.
  (cd "$stage" && GOBIN=$stage/bin CGO_ENABLED=0 GOFLAGS=-mod=mod go install \
    -ldflags "-X github.com/hyperledger/fabric/common/metadata.Version=$LEDGER_FABRIC_VERSION -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${LEDGER_FABRIC_COMMIT:0:7}" \
    "${pkgs[@]}") >>"$log" 2>&1 || fabric_install_failed "$log"
  pkgs=()
  # The builder is a module of its own inside the Fabric repository.
  for t in "${FABRIC_BUILDER[@]}"; do pkgs+=("github.com/hyperledger/fabric/ccaas_builder/cmd/$t@$LEDGER_FABRIC_COMMIT"); done
  (cd "$stage" && GOBIN=$stage/builders/ccaas/bin CGO_ENABLED=0 go install "${pkgs[@]}") >>"$log" 2>&1 || fabric_install_failed "$log"
  # go install brings no config files; the peer and orderer need core.yaml and orderer.yaml for their defaults.
  dir=$(cd "$stage" && go mod download -json "github.com/hyperledger/fabric@$LEDGER_FABRIC_COMMIT" 2>>"$log" | awk -F'"' '/"Dir":/ {print $4; exit}')
  [[ -n $dir && -f $dir/sampleconfig/core.yaml ]] || fabric_install_failed "$log"
  install -m 0644 "$dir/sampleconfig/core.yaml" "$dir/sampleconfig/orderer.yaml" "$stage/config/"
  rm -rf "$LEDGER_FABRIC_HOME"
  mv "$stage" "$LEDGER_FABRIC_HOME"
  say "Fabric $(fabric_version) is installed at $LEDGER_FABRIC_HOME"
}

use_fabric() {
  fabric_complete "$LEDGER_FABRIC_HOME" || die "Fabric is not installed at $LEDGER_FABRIC_HOME (run: scripts/ledger install-fabric)"
  export PATH=$LEDGER_FABRIC_HOME/bin:$PATH
}
