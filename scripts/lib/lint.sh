# lint: ShellCheck over every script under scripts/, at severity "style" (every finding, not only warnings: the few
# style findings are cheap to fix or to silence with a reason where the script means it). Sources are followed
# (-x), so each file is checked with the settings and functions of the files it sources.
# shellcheck shell=bash

# The scripts: scripts/ledger and every *.sh below scripts/.
lint_files() {
  printf '%s\n' "$LEDGER_REPO/scripts/ledger"
  find "$LEDGER_REPO/scripts" -name '*.sh' -type f | sort
}

# lint [FILE...]: ShellCheck over FILEs (default every script); exit 0 when it finds nothing, 1 with its findings.
lint_scripts() {
  local shellcheck files=("$@") rc=0
  shellcheck=$(install_shellcheck)
  ((${#files[@]})) || mapfile -t files < <(lint_files)
  "$shellcheck" --external-sources --source-path=SCRIPTDIR --severity=style --format=gcc "${files[@]}" || rc=$?
  if ((rc != 0)); then
    say "lint: ShellCheck $("$shellcheck" --version | awk '/^version:/ {print $2}') found the findings above in ${#files[@]} files"
    return 1
  fi
  say "lint: ShellCheck $("$shellcheck" --version | awk '/^version:/ {print $2}') finds nothing in ${#files[@]} files"
}
