# Other gRPC stacks for the interoperability tests, installed by the test command from the public registries into
# the cache (reused by later runs): Python's grpcio (the C-core stack that Python, Ruby, C# and C++ clients share)
# from PyPI, and Go's grpcurl from the Go module proxy. grpc-java is the tests' own client.
# shellcheck shell=bash

LEDGER_CLIENTS_GRPCIO_VERSION=1.85.1
LEDGER_CLIENTS_GRPCURL_VERSION=v1.9.3
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
