# Every setting of the operator scripts, with its default, in one place. Each can be overridden from the environment.
# shellcheck shell=bash

LEDGER_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Fabric release the project is built and tested against, pinned by commit (Fabric's Go module path has no /v3,
# so a release tag is not a valid Go version; a commit is, as a pseudo-version).
LEDGER_FABRIC_VERSION=3.1.5
LEDGER_FABRIC_COMMIT=86c1172bec37e6590c6b1ae6f847833df48d65fc
LEDGER_FABRIC_GO_MIN=1.26.4          # Fabric 3.1.5's go.mod

# Caches reused by later runs: Fabric binaries live here, keyed by version and commit.
LEDGER_CACHE=${LEDGER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ledger-node}
# Set LEDGER_FABRIC_HOME to use Fabric binaries you already have (bin/, builders/ccaas/bin/, config/ laid out like
# the cache); otherwise install-fabric fills this directory.
if [[ -n ${LEDGER_FABRIC_HOME:-} ]]; then
  LEDGER_FABRIC_HOME_GIVEN=1
else
  LEDGER_FABRIC_HOME_GIVEN=0
  LEDGER_FABRIC_HOME=$LEDGER_CACHE/fabric/$LEDGER_FABRIC_VERSION-${LEDGER_FABRIC_COMMIT:0:7}
fi

# The network: its description, where its state lives, and a port offset for running a second one beside it.
LEDGER_NETWORK=${LEDGER_NETWORK:-$LEDGER_REPO/network-config/networks/local.yaml}
LEDGER_HOME=${LEDGER_HOME:-$LEDGER_REPO/.ledger/local}
LEDGER_PORT_OFFSET=${LEDGER_PORT_OFFSET:-0}

# This node's own processes beside the network: the org it acts for, its embedded PostgreSQL (used when
# LEDGER_DATABASE_URL is empty) and the sync-bridge's metrics/health port. Ports move with LEDGER_PORT_OFFSET.
LEDGER_NODE_ORG=${LEDGER_NODE_ORG:-Org1}
LEDGER_DATABASE_URL=${LEDGER_DATABASE_URL:-}
LEDGER_PG_PORT=${LEDGER_PG_PORT:-55432}
LEDGER_BRIDGE_PORT=${LEDGER_BRIDGE_PORT:-9470}

# How long a process may take to become healthy before `up` gives up on it and points at its log.
LEDGER_START_TIMEOUT=${LEDGER_START_TIMEOUT:-60}
# How long `down` waits after SIGTERM before SIGKILL.
LEDGER_STOP_TIMEOUT=${LEDGER_STOP_TIMEOUT:-15}

# Supervision (scripts/lib/supervise.sh, and the systemd units of `systemd-units`): every long-running process is
# restarted when it exits, and killed (SIGKILL to its process group) and restarted when its liveness probe fails
# LEDGER_PROBE_FAILURES times in a row, probed every LEDGER_PROBE_INTERVAL seconds, each probe given
# LEDGER_PROBE_TIMEOUT seconds. Failures do not count until the process first answered or LEDGER_START_TIMEOUT passed.
LEDGER_PROBE_INTERVAL=${LEDGER_PROBE_INTERVAL:-2}
LEDGER_PROBE_TIMEOUT=${LEDGER_PROBE_TIMEOUT:-2}
LEDGER_PROBE_FAILURES=${LEDGER_PROBE_FAILURES:-3}
# PostgreSQL's probe: auto uses pg_isready when installed, builtin always the bash SSLRequest probe (see probe.sh).
LEDGER_PROBE_PG=${LEDGER_PROBE_PG:-auto}
# Restarts wait 1 s, doubling up to this many seconds; back to 1 s once a process stayed up for LEDGER_RESTART_WINDOW.
LEDGER_RESTART_BACKOFF_MAX=${LEDGER_RESTART_BACKOFF_MAX:-30}
# More than LEDGER_RESTARTS_MAX restarts within LEDGER_RESTART_WINDOW seconds: the supervisor gives up and marks the
# process failed (status shows it; `up` starts it afresh).
LEDGER_RESTARTS_MAX=${LEDGER_RESTARTS_MAX:-5}
LEDGER_RESTART_WINDOW=${LEDGER_RESTART_WINDOW:-300}

# The test command's own network: separate state, ports moved out of the way of a running local network.
LEDGER_IT_HOME=${LEDGER_IT_HOME:-$LEDGER_REPO/.ledger/it}
LEDGER_IT_PORT_OFFSET=${LEDGER_IT_PORT_OFFSET:-1000}
# The operator tests' scratch networks (scripts/tests/operator.sh), one at a time, on ports moved by this offset.
LEDGER_OPERATOR_PORT_OFFSET=${LEDGER_OPERATOR_PORT_OFFSET:-2000}

# Where to look for a JDK 21+ when neither LEDGER_JAVA_HOME nor JAVA_HOME nor the java on PATH is one.
LEDGER_JDK_SEARCH=${LEDGER_JDK_SEARCH:-/usr/lib/jvm /opt/java $HOME/.sdkman/candidates/java}

# The chaincode build that deploy-chaincode deploys (its digest names the package).
LEDGER_CHAINCODE_JAR=${LEDGER_CHAINCODE_JAR:-$LEDGER_REPO/chaincode/target/ledger-chaincode.jar}
LEDGER_NETCONFIG_JAR=$LEDGER_REPO/network-config/target/network-config.jar
LEDGER_BRIDGE_JAR=$LEDGER_REPO/sync-bridge/target/sync-bridge.jar

# The chaos run's own network (scripts/ledger chaos): separate state, ports moved out of the way of the local and
# the test networks. Its supervisors restart without giving up (the nemesis kills the same process many times in a
# few minutes, far beyond LEDGER_RESTARTS_MAX's production budget) and back off at most 4 s.
LEDGER_CHAOS_HOME=${LEDGER_CHAOS_HOME:-$LEDGER_REPO/.ledger/chaos}
LEDGER_CHAOS_PORT_OFFSET=${LEDGER_CHAOS_PORT_OFFSET:-3000}
LEDGER_CHAOS_JAR=$LEDGER_REPO/chaos/target/chaos.jar
