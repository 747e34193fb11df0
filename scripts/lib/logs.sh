# Size-bounded logs. Every process's log (LEDGER_HOME/logs/NAME.log) is its stdout and stderr, appended to by the
# process and by its supervisor's own lines; node-service's access log and the Java services' logs are part of it.
# The supervisor (supervise.sh), and under systemd the probe timer (`probe NAME --systemd`), rotate it by size here,
# so one rule bounds every log the node writes: at most LEDGER_LOG_SIZE_MAX bytes (plus what is written between two
# checks, LEDGER_PROBE_INTERVAL apart) in NAME.log and LEDGER_LOG_FILES rotated files NAME.log.1 (newest) to
# NAME.log.N.
# shellcheck shell=bash

# log_size_max_bytes: LEDGER_LOG_SIZE_MAX in bytes (a whole number, or with an IEC suffix: 64M, 1G); fails if it is
# neither.
log_size_max_bytes() {
  local bytes
  bytes=$(numfmt --from=iec "$LEDGER_LOG_SIZE_MAX" 2>/dev/null) && [[ $bytes =~ ^[0-9]+$ ]] && ((bytes >= 1024)) || return 1
  printf '%s\n' "$bytes"
}

# require_log_settings: dies with one line unless LEDGER_LOG_SIZE_MAX and LEDGER_LOG_FILES are usable.
require_log_settings() {
  log_size_max_bytes >/dev/null \
    || die "LEDGER_LOG_SIZE_MAX must be a size of at least 1K, in bytes or with a suffix such as 64M (got '$LEDGER_LOG_SIZE_MAX')"
  [[ $LEDGER_LOG_FILES =~ ^[1-9][0-9]{0,2}$ ]] \
    || die "LEDGER_LOG_FILES must be a whole number from 1 to 999 (got '$LEDGER_LOG_FILES')"
}

# rotate_log FILE: when FILE is over the size limit, FILE.N-1 becomes FILE.N (the oldest beyond LEDGER_LOG_FILES goes),
# ..., FILE a copy in FILE.1, and FILE is emptied in place. In place (copy, then truncate) because the writers keep
# FILE open: they append (O_APPEND), so they go on at its new end; a line written between the copy and the truncation
# is lost, as with logrotate's copytruncate. Unusable settings leave FILE alone (`up` refuses them first).
rotate_log() {
  local file=$1 max size i
  # Worked out once per setting: a supervisor calls this every probe interval, and numfmt is a program to start.
  if [[ ${LOG_SIZE_MAX_OF:-} != "$LEDGER_LOG_SIZE_MAX" ]]; then
    LOG_SIZE_MAX_BYTES=$(log_size_max_bytes) || LOG_SIZE_MAX_BYTES=""
    LOG_SIZE_MAX_OF=$LEDGER_LOG_SIZE_MAX
  fi
  max=$LOG_SIZE_MAX_BYTES
  [[ -n $max && $LEDGER_LOG_FILES =~ ^[1-9][0-9]*$ ]] || return 0
  size=$(stat -c %s "$file" 2>/dev/null) || return 0
  ((size > max)) || return 0
  rm -f "$file.$LEDGER_LOG_FILES"
  for ((i = LEDGER_LOG_FILES - 1; i >= 1; i--)); do
    [[ ! -f $file.$i ]] || mv -f "$file.$i" "$file.$((i + 1))"
  done
  # The copy (tens of MB of CPU-bound copying: node-service's access log fills 64M in about 30 s of reads at 10,000/s)
  # runs at the lowest CPU priority, on time the node leaves idle: at normal priority it took a core from the node for
  # tens of milliseconds at every rotation. Only the copy waits for idle time, so no more lines are lost than before:
  # the truncation follows the copy's end at once.
  nice -n 19 cp "$file" "$file.1" && truncate -s 0 "$file"
}
