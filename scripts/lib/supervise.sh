#!/usr/bin/env bash
# supervise.sh NAME COMMAND...: runs COMMAND and restarts it whenever it exits, with bounded exponential backoff
# (1 s doubling to 30 s, reset after a minute of good running). `scripts/ledger down` stops it by signalling its
# process group, which ends the command too.
set -u
name=$1
shift
child=0
trap 'kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
backoff=1
while true; do
  started=$SECONDS
  "$@" &
  child=$!
  wait "$child"
  code=$?
  if ((SECONDS - started >= 60)); then backoff=1; fi
  printf '=== %s supervise: %s exited with status %s; restarting in %ss\n' "$(date -u +%FT%TZ)" "$name" "$code" "$backoff"
  sleep "$backoff"
  backoff=$((backoff * 2 > 30 ? 30 : backoff * 2))
done
