# install-fabric: Fabric's binaries, the chaincode-as-a-service builder and Fabric's stock config files, installed
# from the Go module proxy with `go install`, pinned by commit, into a cache later runs reuse; or, with --archive,
# unpacked from Fabric's release archive (hyperledger-fabric-linux-amd64-3.1.x.tar.gz: bin/, config/, builders/ccaas/)
# into LEDGER_FABRIC_ARCHIVE_HOME, which the scripts then prefer (config.sh).
# shellcheck shell=bash

FABRIC_TOOLS=(peer orderer configtxgen osnadmin cryptogen configtxlator)
FABRIC_BUILDER=(detect build release)

fabric_complete() {
  local home=$1 t
  for t in "${FABRIC_TOOLS[@]}"; do [[ -x $home/bin/$t ]] || return 1; done
  for t in "${FABRIC_BUILDER[@]}"; do [[ -x $home/builders/ccaas/bin/$t ]] || return 1; done
  [[ -f $home/config/core.yaml && -f $home/config/orderer.yaml ]] || return 1
}

# The version the peer of a Fabric home (default: the one in use) reports; empty when it does not run.
fabric_version() {
  "${1:-$LEDGER_FABRIC_HOME}/bin/peer" version 2>/dev/null | awk '/^ Version:/ {print $2; exit}' || true
}

# The files every Fabric home has, relative to it: what fabric_complete checks, and what a release archive must carry.
fabric_required_files() {
  local t
  for t in "${FABRIC_TOOLS[@]}"; do printf 'bin/%s\n' "$t"; done
  for t in "${FABRIC_BUILDER[@]}"; do printf 'builders/ccaas/bin/%s\n' "$t"; done
  printf 'config/%s\n' core.yaml orderer.yaml
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
  if [[ $LEDGER_FABRIC_HOME == "$LEDGER_FABRIC_ARCHIVE_HOME" ]]; then
    # Never go install over an archive install: the operator chose that archive.
    die "the archive install at $LEDGER_FABRIC_HOME lacks $(fabric_first_missing "$LEDGER_FABRIC_HOME"); install it again (install-fabric --archive FILE) or delete it"
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

# The first file of a Fabric home that is missing (or a binary not executable) in $1.
fabric_first_missing() {
  local f
  while IFS= read -r f; do
    [[ -f $1/$f && ($f == config/* || -x $1/$f) ]] || { printf '%s\n' "$f" && return 0; }
  done < <(fabric_required_files)
}

# install-fabric --archive FILE [--sha256 HEX]: Fabric's release archive, checked, unpacked aside and renamed into
# LEDGER_FABRIC_ARCHIVE_HOME. Only exactly LEDGER_FABRIC_VERSION is accepted (the version the project is tested
# against; another 3.1.x patch is refused, as go install would not build one either). The same archive again changes
# nothing; another archive of the same version replaces the install whole.
install_fabric_archive() {
  local archive=$1 sha=${2,,} home=$LEDGER_FABRIC_ARCHIVE_HOME actual stage
  ((LEDGER_FABRIC_HOME_GIVEN == 0)) \
    || die "install-fabric: LEDGER_FABRIC_HOME=$LEDGER_FABRIC_HOME is set, so the scripts would not use an archive install in $home; unset it first"
  [[ -f $archive && -r $archive ]] || die "install-fabric: $archive is not a readable file"
  actual=$(sha256sum <"$archive" | cut -d' ' -f1)
  [[ -z $sha || $sha == "$actual" ]] || die "install-fabric: $archive has SHA-256 $actual, not $sha as given"
  if fabric_complete "$home" && [[ $(cat "$home/.archive-sha256" 2>/dev/null) == "$actual" ]]; then
    say "Fabric $(fabric_version "$home") from this archive (SHA-256 $actual) is already installed at $home"
    return 0
  fi
  fabric_archive_check_members "$archive"
  step "unpacking Fabric from $archive into $home"
  mkdir -p "$(dirname "$home")"
  stage=$(mktemp -d "$home.partial.XXXXXX")
  # In a subshell, so that whatever refuses the archive (die) or interrupts the unpacking removes the stage.
  (
    trap 'rm -rf "$stage"' EXIT
    tar -xzf "$archive" -C "$stage" --no-same-owner 2>/dev/null || die "install-fabric: tar cannot unpack $archive"
    fabric_archive_check_unpacked "$archive" "$stage"
    printf '%s\n' "$actual" >"$stage/.archive-sha256"
    # The old install moves aside only for the instant between the two renames; a reader never sees a partial one.
    if [[ -e $home ]]; then mv "$home" "$stage.old"; fi
    mv "$stage" "$home"
    rm -rf "$stage.old"
  ) || exit 1
  LEDGER_FABRIC_HOME=$home
  say "Fabric $(fabric_version) is installed at $home from $archive (SHA-256 $actual); the scripts use it"
}

# Dies naming the first file of a Fabric home the archive lacks, or a member that would land outside the install.
fabric_archive_check_members() {
  local archive=$1 listing f
  # Members as Fabric's Makefile writes them (bin/peer), or with a leading ./ as other tars may.
  listing=$(tar -tzf "$archive" 2>/dev/null | sed 's|^\./||') \
    || die "install-fabric: $archive is not a gzip tar archive (tar -tzf cannot list it)"
  f=$(grep -m 1 -E '^/|(^|/)\.\.(/|$)' <<<"$listing" || true)
  [[ -z $f ]] || die "install-fabric: $archive has a member outside its top directory: $f"
  while IFS= read -r f; do
    grep -qxF "$f" <<<"$listing" || die "install-fabric: $archive lacks $f (Fabric's release archive carries bin/, config/ and builders/ccaas/bin/)"
  done < <(fabric_required_files)
}

# Dies when an unpacked binary is not an executable file, or the peer does not report exactly the pinned version.
fabric_archive_check_unpacked() {
  local archive=$1 stage=$2 f v
  while IFS= read -r f; do
    [[ $f == config/* || (-f $stage/$f && -x $stage/$f) ]] || die "install-fabric: $f in $archive is not an executable file"
  done < <(fabric_required_files)
  v=$(fabric_version "$stage")
  [[ -n $v ]] || die "install-fabric: bin/peer from $archive does not run here (peer version printed no version; another platform's archive?)"
  [[ $v == "$LEDGER_FABRIC_VERSION" ]] \
    || die "install-fabric: bin/peer from $archive reports version $v, not $LEDGER_FABRIC_VERSION (LEDGER_FABRIC_VERSION; exactly that release is accepted)"
}
