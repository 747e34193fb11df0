# Finds a JDK 21+ (Helidon 4 and the services need it; the default `java` may be older) and Maven.
# shellcheck shell=bash

jdk_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() {
  local candidates=() c v
  [[ -z $LEDGER_JAVA_HOME ]] || candidates+=("$LEDGER_JAVA_HOME")
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  # Newest first among the usual install places.
  local dir
  for dir in $LEDGER_JDK_SEARCH; do
    while IFS= read -r c; do [[ -d $c ]] && candidates+=("$c"); done < <(printf '%s\n' "$dir"/* | sort -rV)
  done
  for c in "${candidates[@]}"; do
    [[ -x $c/bin/java && -x $c/bin/javac ]] || continue
    v=$(jdk_feature_version "$c")
    if [[ $v =~ ^[0-9]+$ ]] && ((v >= 21)); then
      printf '%s\n' "$c"
      return 0
    fi
  done
  return 1
}

# Exports JAVA_HOME and PATH for a JDK 21+, or dies saying where it looked. Enough to run the node's processes.
use_java() {
  local jdk
  jdk=$(find_jdk) || die "no JDK 21 or newer found (looked at LEDGER_JAVA_HOME, JAVA_HOME, java on PATH, $LEDGER_JDK_SEARCH); install one or set LEDGER_JAVA_HOME"
  export JAVA_HOME=$jdk
  export PATH=$jdk/bin:$PATH
  # protobuf-java still calls sun.misc.Unsafe, which JDK 23+ warns about on every run; Java 21 does not know the flag.
  java_unsafe_allow=()
  if (($(jdk_feature_version "$jdk") >= 23)); then java_unsafe_allow=(--sun-misc-unsafe-memory-access=allow); fi
}

# java_quiet ARGS...: java with ARGS, without JDK 23+'s warning about protobuf's use of sun.misc.Unsafe (as set by
# use_java; plain java when use_java was not called).
java_quiet() { java ${java_unsafe_allow[@]+"${java_unsafe_allow[@]}"} "$@"; }

# use_java, and Maven to build with.
use_jdk() {
  use_java
  local jdk=$JAVA_HOME
  # Maven 3.8's bundled Guice touches sun.misc.Unsafe; newer JDKs warn about it on every run. Silence only that.
  if (($(jdk_feature_version "$jdk") >= 24)); then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) not found on PATH; it is needed to build the chaincode and the node"
}

mvn_quiet() {
  local log=$LEDGER_REPO/target/ledger-build.log
  mkdir -p "$(dirname "$log")"
  : >"$log"
  (cd "$LEDGER_REPO" && run_logged "maven build ($*)" "$log" mvn -B "$@")
}

# Builds the jars the node runs (chaincode, generator, sync-bridge) when one is missing or any source is newer. One
# build at a time per checkout: two `up`s started together (hosts of a consortium run from one checkout, say) would
# otherwise both run Maven over the same target/ directories; the second waits, then finds the jars built.
build_jars() {
  mkdir -p "$LEDGER_REPO/target"
  (
    flock 9
    build_jars_now
  ) 9>"$LEDGER_REPO/target/.build.lock" || exit 1
}

build_jars_now() {
  local jars=("$LEDGER_CHAINCODE_JAR" "$LEDGER_NETCONFIG_JAR" "$LEDGER_BRIDGE_JAR" "$LEDGER_SERVICE_JAR" "$LEDGER_RECONCILER_JAR"
    "$LEDGER_PROOF_VERIFIER_JAR") oldest="" jar
  for jar in "${jars[@]}"; do
    [[ -f $jar ]] || { oldest=""; break; }
    if [[ -z $oldest || $jar -ot $oldest ]]; then oldest=$jar; fi
  done
  local modules=(ledger-api chaincode network-config fabric-blocks process-kit ledger-gateway mirror sync-bridge compliance-reports
    reconciler proof-verifier node-service) sources=() m
  for m in "${modules[@]}"; do sources+=("$LEDGER_REPO/$m/src/main" "$LEDGER_REPO/$m/pom.xml"); done
  if [[ -z $oldest || -n $(find "${sources[@]}" "$LEDGER_REPO/pom.xml" -newer "$oldest" -type f 2>/dev/null | head -n 1) ]]; then
    step "building the chaincode, the network generator, the sync-bridge, the reconciler and node-service"
    mvn_quiet -q -Dmaven.test.skip=true -pl "$(IFS=,; echo "${modules[*]}")" -am package
  fi
}
