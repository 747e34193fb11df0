# What the test scripts under scripts/tests share.
# shellcheck shell=bash

# wait_for SECONDS COMMAND...: true once COMMAND succeeds, polled twice a second; false after SECONDS.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}
