#!/usr/bin/env bash
# probe.sh KIND TARGET [TIMEOUT]: one liveness or readiness probe of a process; exit 0 when it answers, 1 when not,
# 2 on wrong usage. The supervisor (supervise.sh, which sources this file and calls probe_answers), `scripts/ledger
# status` and the systemd probe units all use it, so a process is judged the same way everywhere.
#   http URL        the URL answers 2xx within TIMEOUT
#   tcp HOST:PORT   a TCP connection is accepted within TIMEOUT
#   pg HOST:PORT    PostgreSQL answers the start of its protocol within TIMEOUT: an SSLRequest over /dev/tcp that only
#                   a running server answers ('S' or 'N'); with LEDGER_PROBE_PG=pg_isready, pg_isready when installed.
#                   A mere TCP connect is not enough: the kernel accepts connections for a stopped (SIGSTOPped) server.
#
# Every probe runs in a forked copy of the calling shell with bash's builtins only (an http:// URL is one GET over
# /dev/tcp), beside a `sleep` that bounds it, never a probing program. Each supervisor probes every
# LEDGER_PROBE_INTERVAL seconds, and a probe that started curl (a fresh bash that read config.sh and then curl: 13 ms
# of CPU), `timeout` and a bash (8 ms) or pg_isready (30 ms) took a core from the node in bursts, a dozen processes
# every 2 s. With the node's supervisors stopped, REST reads paced at half their peak had p99 4.4 and 6.5 ms, beside
# 22 and 9.7 ms with them probing that way (2026-12-07).
set -Eeuo pipefail
# shellcheck source=config.sh
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"

# probe_answers KIND TARGET TIMEOUT: 0 when it answers within TIMEOUT seconds, 1 when not, 2 on wrong usage.
probe_answers() {
  local kind=$1 target=$2 timeout=$3
  [[ $timeout =~ ^[1-9][0-9]*$ ]] || return 2
  case $kind in
    http) [[ $target =~ ^https?://[^/]+ ]] || return 2 ;;
    tcp | pg) [[ $target =~ ^[^:]+:[0-9]+$ ]] || return 2 ;;
    *) return 2 ;;
  esac
  if [[ $kind == pg && $LEDGER_PROBE_PG == pg_isready ]] && command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "${target%:*}" -p "${target##*:}" -t "$timeout" && return 0
    return 1
  fi
  if [[ $kind == http && $target == https://* ]]; then
    curl -sf -o /dev/null --max-time "$timeout" "$target" && return 0
    return 1
  fi
  # The fork is given TIMEOUT seconds by a timer beside it (a read's timeout alone would not bound a connect that
  # hangs: a process that stopped accepting, whose listen backlog is full, drops new connections). Waiting with
  # `wait -n`, never `read -t`: bash runs a trap that arrives during `read -t` inside the read, and the read's timeout
  # then cuts the trap short (the supervisor's stop, abandoned half-way, left supervisors running after `down`).
  local fork timer finished="" status=0
  probe_fork "$kind" "$target" "$timeout" 2>/dev/null &
  fork=$!
  sleep "$timeout" &
  timer=$!
  wait -n -p finished "$fork" "$timer" 2>/dev/null || status=$?
  if [[ $finished == "$fork" ]]; then
    kill "$timer" 2>/dev/null || true
    wait "$timer" 2>/dev/null || true
    ((status == 0)) && return 0
    return 1
  fi
  # The deadline came first, or a trapped signal ended the wait (its trap runs next): the fork goes, and the timer too.
  kill -KILL "$fork" 2>/dev/null || true
  wait "$fork" 2>/dev/null || true
  [[ -n $finished ]] || kill "$timer" 2>/dev/null || true
  return 1
}

# probe_fork KIND TARGET TIMEOUT: the probe itself; probe_answers runs it in the background, so in a fork of its own
# (which owns descriptor 3 and may exit).
probe_fork() {
  local kind=$1 target=$2 timeout=$3 host port path=/ line reply
  if [[ $kind == http ]]; then
    [[ $target =~ ^http://([^/:]+)(:([0-9]+))?(/.*)?$ ]] || exit 1
    host=${BASH_REMATCH[1]} port=${BASH_REMATCH[3]:-80} path=${BASH_REMATCH[4]:-/}
  else
    host=${target%:*} port=${target##*:}
  fi
  exec 3<>"/dev/tcp/$host/$port" || exit 1
  case $kind in
    tcp) exit 0 ;;
    http)
      printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$path" "$host" "$port" >&3
      IFS= read -r -t "$timeout" line <&3 || exit 1
      [[ $line =~ ^HTTP/1\.[01]\ 2[0-9][0-9] ]]
      ;;
    pg)
      # SSLRequest: length 8, code 80877103; the server answers one byte before anything else.
      printf '\x00\x00\x00\x08\x04\xd2\x16\x2f' >&3
      IFS= read -r -n 1 -d '' -t "$timeout" reply <&3 || exit 1
      [[ $reply == S || $reply == N ]]
      ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  usage() {
    printf 'probe.sh: usage: probe.sh http URL | tcp HOST:PORT | pg HOST:PORT [TIMEOUT-SECONDS]\n' >&2
    exit 2
  }
  [[ $# -ge 2 && $# -le 3 ]] || usage
  status=0
  probe_answers "$1" "$2" "${3:-2}" || status=$?
  ((status != 2)) || usage
  exit "$status"
fi
