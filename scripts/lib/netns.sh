# Hosts on this machine: one Linux network namespace per host address of a consortium description, each with its
# own address on one bridge (the consortium tests run each host's bundle inside its namespace). Cutting a host off
# takes its link to the bridge down: its processes keep running and talk to themselves, nobody reaches them and they
# reach nobody, as when a host's network fails; healing brings the link back. Needs root (CAP_NET_ADMIN). Only the
# namespaces' addresses and the bridge's are used: traffic stays on this machine.
# shellcheck shell=bash


# The namespace, the bridge-side and the host-side link of host ADDRESS (names of at most 15 characters: the last
# two octets).
netns_name() { local a=${1//./-}; printf '%s-%s\n' "$LEDGER_NETNS_PREFIX" "${a#*-*-}"; }
netns_link() { local a=${1//./-}; printf '%sb%s\n' "$LEDGER_NETNS_PREFIX" "${a#*-*-}"; }
netns_peer_link() { local a=${1//./-}; printf '%sh%s\n' "$LEDGER_NETNS_PREFIX" "${a#*-*-}"; }
netns_bridge() { printf '%s-br\n' "$LEDGER_NETNS_PREFIX"; }

# Whether this machine lets us create namespaces, links and a bridge (root in a namespace-capable kernel).
netns_usable() {
  local probe=${LEDGER_NETNS_PREFIX}-probe
  ip netns add "$probe" >/dev/null 2>&1 || return 1
  ip netns del "$probe" >/dev/null 2>&1
  ip link add "${LEDGER_NETNS_PREFIX}pr" type bridge >/dev/null 2>&1 || return 1
  ip link del "${LEDGER_NETNS_PREFIX}pr" >/dev/null 2>&1
}

# netns_up GATEWAY/PREFIX ADDRESS...: the bridge with address GATEWAY/PREFIX, and a namespace per ADDRESS linked to it.
netns_up() {
  local gateway=$1 address ns prefix=${1#*/}
  shift
  ip link add "$(netns_bridge)" type bridge || return 1
  ip addr add "$gateway" dev "$(netns_bridge)" && ip link set "$(netns_bridge)" up || return 1
  for address in "$@"; do
    ns=$(netns_name "$address")
    ip netns add "$ns" || return 1
    ip link add "$(netns_link "$address")" type veth peer name "$(netns_peer_link "$address")" || return 1
    ip link set "$(netns_peer_link "$address")" netns "$ns" || return 1
    ip link set "$(netns_link "$address")" master "$(netns_bridge)" up || return 1
    ip -n "$ns" addr add "$address/$prefix" dev "$(netns_peer_link "$address")" || return 1
    ip -n "$ns" link set "$(netns_peer_link "$address")" up && ip -n "$ns" link set lo up || return 1
  done
}

# netns_down: every namespace and link of ours, whatever state a run left them in (processes inside are the
# caller's to stop first).
netns_down() {
  local ns link
  for ns in $(ip netns list 2>/dev/null | awk -v p="$LEDGER_NETNS_PREFIX-" 'index($1, p) == 1 {print $1}'); do
    ip netns del "$ns" 2>/dev/null || true
  done
  for link in $(ip -o link show 2>/dev/null | awk -F': ' -v p="$LEDGER_NETNS_PREFIX" 'index($2, p) == 1 {sub(/@.*/, "", $2); print $2}'); do
    ip link del "$link" 2>/dev/null || true
  done
}

# netns_exec ADDRESS COMMAND...: COMMAND on host ADDRESS.
netns_exec() {
  local address=$1
  shift
  ip netns exec "$(netns_name "$address")" "$@"
}

# netns_cut ADDRESS / netns_heal ADDRESS: host ADDRESS loses / regains its network.
netns_cut() { ip link set "$(netns_link "$1")" down; }
netns_heal() { ip link set "$(netns_link "$1")" up; }

# Run as a command (the chaos run's partitions call it): netns.sh cut|heal ADDRESS.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -Eeuo pipefail
  # shellcheck source=config.sh
  source "$(dirname "${BASH_SOURCE[0]}")/config.sh"
  case ${1:-} in
    cut) [[ $# -eq 2 ]] && netns_cut "$2" ;;
    heal) [[ $# -eq 2 ]] && netns_heal "$2" ;;
    *) printf 'usage: netns.sh cut|heal ADDRESS\n' >&2; exit 2 ;;
  esac
fi
