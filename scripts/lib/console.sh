# The web console's browser tests (console/test/browser): Playwright, from npm with the console's other packages,
# driving Debian's Chromium headless against the test network's node. Playwright never downloads a browser here.
# shellcheck shell=bash

# Prints the path of Debian's Chromium, installing the package first when it is missing (apt-get, as root), or dies
# saying why it cannot.
install_chromium() {
  local log=$LEDGER_CACHE/install-chromium.log
  if [[ ! -x /usr/bin/chromium ]]; then
    ((EUID == 0)) || die "Debian's chromium package is not installed and only root can install it (apt-get install chromium)"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: the browser tests need Debian's chromium package"
    mkdir -p "$LEDGER_CACHE"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >"$log" 2>&1 \
      || die "apt-get could not install chromium: $(grep -v '^\s*$' "$log" | tail -n 1) (full output: $log)"
  fi
  printf '%s\n' /usr/bin/chromium
}

# run_console_tests: the browser tests against the node of the network at LEDGER_HOME (its REST URL from
# network/node.properties). Screenshots of each role's main page go to docs/console/.
run_console_tests() {
  local chromium url
  chromium=$(install_chromium) || return 1
  url=$(awk -F= '$1 == "api.url" {print $2}' "$LEDGER_HOME/network/node.properties")
  [[ -n $url ]] || die "no api.url in $LEDGER_HOME/network/node.properties"
  (cd "$LEDGER_REPO/console" && LEDGER_HOME=$LEDGER_HOME LEDGER_PORT_OFFSET=$LEDGER_PORT_OFFSET LEDGER_CONSOLE_URL=$url LEDGER_CHROMIUM=$chromium \
    node node_modules/@playwright/test/cli.js test --config test/browser/playwright.config.ts)
}
