# systemd-units <dir>: the node under systemd instead of scripts/lib/supervise.sh. Writes, for every process of this
# node, ledger-<process>.service (Restart=on-failure, the same start command as `up`: scripts/ledger run-process),
# one template pair ledger-probe@.service/.timer running the same liveness probe as the supervisor (scripts/ledger
# probe <process> --systemd, which kills the unit with SIGKILL after LEDGER_PROBE_FAILURES failures in a row, so
# systemd restarts it), ledger-node.target pulling all of them in, and ledger-node.env with the settings used now.
# shellcheck shell=bash

# The settings every unit runs with: every setting of config.sh (those given a default from the environment there,
# and LEDGER_FABRIC_HOME), as this shell has them, so the units run the node `up` would run.
systemd_env_keys() {
  printf '%s\n' LEDGER_FABRIC_HOME
  sed -n 's/^\(LEDGER_[A-Z0-9_]*\)=\${\1:-.*/\1/p' "$LEDGER_REPO/scripts/lib/config.sh"
}

write_systemd_units() {
  local dir=$1 name systemctl
  require_generated
  # shellcheck source=/dev/null
  source "$(network_env)"
  mkdir -p "$dir" || die "cannot create $dir"
  dir=$(cd "$dir" && pwd)
  systemctl=$(command -v systemctl || echo /usr/bin/systemctl)
  write_systemd_env "$dir/ledger-node.env"
  for name in $(process_names); do
    write_process_unit "$dir" "$name"
  done
  cat >"$dir/ledger-probe@.service" <<UNIT
# Written by scripts/ledger systemd-units. One liveness probe of ledger-%i.service (run by ledger-probe@%i.timer):
# the probe scripts/lib/supervise.sh uses. After $LEDGER_PROBE_FAILURES failures in a row it kills the unit's whole
# control group with SIGKILL (a hung process answers no other signal) and systemd restarts it (Restart=on-failure).
[Unit]
Description=Liveness probe of ledger-%i.service
After=ledger-%i.service

[Service]
Type=oneshot
EnvironmentFile=$dir/ledger-node.env
# Only a started unit is probed: its ExecStartPost waited until it answered a first time.
ExecCondition=$systemctl is-active --quiet ledger-%i.service
ExecStart=$LEDGER_REPO/scripts/ledger probe %i --systemd
UNIT
  cat >"$dir/ledger-probe@.timer" <<UNIT
# Written by scripts/ledger systemd-units. Runs ledger-probe@%i.service every $LEDGER_PROBE_INTERVAL s.
[Unit]
Description=Liveness probes of ledger-%i.service
PartOf=ledger-node.target

[Timer]
OnActiveSec=$LEDGER_START_TIMEOUT
OnUnitActiveSec=$LEDGER_PROBE_INTERVAL
AccuracySec=1s

[Install]
WantedBy=ledger-node.target
UNIT
  {
    printf '# Written by scripts/ledger systemd-units: every process of the ledger node at %s, and its probes.\n' "$LEDGER_HOME"
    printf '[Unit]\nDescription=Ledger node (%s, %s)\n' "$LEDGER_NETWORK_NAME" "$LEDGER_NODE_ORG"
    for name in $(process_names); do
      printf 'Wants=ledger-%s.service ledger-probe@%s.timer\n' "$name" "$name"
    done
    printf '\n[Install]\nWantedBy=multi-user.target\n'
  } >"$dir/ledger-node.target"
  say "wrote systemd units for $(process_names | wc -l) processes into $dir"
  say "install: cp $dir/* /etc/systemd/system/ && systemctl daemon-reload && systemctl start ledger-node.target"
  say "(the channel and the chaincode must exist already: run scripts/ledger up once, then scripts/ledger down)"
}

write_systemd_env() {
  local file=$1 key value
  {
    printf '# Written by scripts/ledger systemd-units: the settings the node was configured with (see README.md).\n'
    for key in $(systemd_env_keys); do
      value=${!key:-}
      [[ $key == LEDGER_JAVA_HOME && -z $value ]] && value=${JAVA_HOME:-}
      [[ -n $value ]] || continue
      [[ $value != *[\"\\\$\`]* && $value != *$'\n'* ]] || die "systemd-units: $key holds a character systemd would read differently: $value"
      printf '%s="%s"\n' "$key" "$value"
    done
  } >"$file"
}

write_process_unit() {
  local dir=$1 name=$2 after user
  after=$(process_after "$name" | sed -E 's/([^ ]+)/ledger-\1.service/g')
  user=$(id -un)
  cat >"$dir/ledger-$name.service" <<UNIT
# Written by scripts/ledger systemd-units. $name of the ledger node at $LEDGER_HOME.
[Unit]
Description=Ledger node: $name
PartOf=ledger-node.target
${after:+After=$after
Wants=$after
}# More than $LEDGER_RESTARTS_MAX restarts within $LEDGER_RESTART_WINDOW s: the unit stays failed (as the supervisor gives up).
StartLimitIntervalSec=$LEDGER_RESTART_WINDOW
StartLimitBurst=$((LEDGER_RESTARTS_MAX + 1))

[Service]
Type=exec
User=$user
EnvironmentFile=$dir/ledger-node.env
ExecStart=$LEDGER_REPO/scripts/ledger run-process $name
# Started means live: until its liveness probe answers (at most TimeoutStartSec), and a failed start is restarted.
ExecStartPost=/bin/sh -c 'until $LEDGER_REPO/scripts/ledger probe $name; do sleep 1; done'
TimeoutStartSec=$LEDGER_START_TIMEOUT
Restart=on-failure
RestartSec=1
# SIGTERM to every process of the unit (the embedded PostgreSQL's server too), SIGKILL after the stop timeout.
KillMode=control-group
TimeoutStopSec=$LEDGER_STOP_TIMEOUT
StandardOutput=append:$(log_file "$name")
StandardError=inherit

[Install]
WantedBy=ledger-node.target
UNIT
}
