#!/usr/bin/env bash
# probe.sh KIND TARGET [TIMEOUT]: one liveness or readiness probe of a process; exit 0 when it answers, 1 when not,
# 2 on wrong usage. The supervisor (supervise.sh), `scripts/ledger status` and the systemd probe units all use it, so
# a process is judged the same way everywhere. Needs nothing beyond bash, coreutils and curl.
#   http URL        the URL answers 2xx within TIMEOUT
#   tcp HOST:PORT   a TCP connection is accepted within TIMEOUT
#   pg HOST:PORT    PostgreSQL answers the start of its protocol within TIMEOUT: pg_isready when installed, else an
#                   SSLRequest over /dev/tcp that only a running server answers ('S' or 'N'). A mere TCP connect is not
#                   enough: the kernel accepts connections for a stopped (SIGSTOPped) server too.
set -Eeuo pipefail
# shellcheck source=config.sh
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"

usage() { printf 'probe.sh: usage: probe.sh http URL | tcp HOST:PORT | pg HOST:PORT [TIMEOUT-SECONDS]\n' >&2; exit 2; }

[[ $# -ge 2 && $# -le 3 ]] || usage
kind=$1 target=$2 timeout=${3:-2}
[[ $timeout =~ ^[1-9][0-9]*$ ]] || usage

host_port() {
  [[ $target =~ ^([^:]+):([0-9]+)$ ]] || usage
  host=${BASH_REMATCH[1]} port=${BASH_REMATCH[2]}
}

case $kind in
  http)
    exec curl -sf -o /dev/null --max-time "$timeout" "$target"
    ;;
  tcp)
    host_port
    # The connection is opened and closed in a child shell, so a hung connect is ended by timeout. Its script is in
    # single quotes on purpose: the child expands its own $0 and $1.
    # shellcheck disable=SC2016
    exec timeout "$timeout" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
    ;;
  pg)
    host_port
    if [[ $LEDGER_PROBE_PG == auto ]] && command -v pg_isready >/dev/null 2>&1; then
      exec pg_isready -q -h "$host" -p "$port" -t "$timeout"
    fi
    # SSLRequest: length 8, code 80877103; the server answers one byte before anything else. (The child expands $0, $1.)
    # shellcheck disable=SC2016
    exec timeout "$timeout" bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
      printf "\x00\x00\x00\x08\x04\xd2\x16\x2f" >&3
      IFS= read -r -n 1 -d "" reply <&3 || exit 1
      [[ $reply == S || $reply == N ]]' "$host" "$port" 2>/dev/null
    ;;
  *) usage ;;
esac
