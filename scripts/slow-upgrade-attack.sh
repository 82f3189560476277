#!/usr/bin/env bash
# The slow-upgrade attack (PROTOCOL.md LL-LIM-9, LL-LIM-10) against `longlink serve` on loopback:
# COUNT connections from 127.0.0.2 each start a WebSocket upgrade and send one more header line
# every INTERVAL_MS, never finishing the request, while a normal client connects from 127.0.0.1.
# Prints how many were closed within the bound, the longest any stayed open, the normal client's
# time to auth_ok, the server's file descriptors at the peak and its counters.
#
#   scripts/slow-upgrade-attack.sh [COUNT [INTERVAL_MS [serve options...]]]
#   e.g. scripts/slow-upgrade-attack.sh 2000 5000
#        scripts/slow-upgrade-attack.sh 2000 2000 --max-unauthenticated-per-address 1024
#
# Defaults: 2000 connections, a line every 5000 ms (the attack that was found), the server's
# default profile and bounds. Everything stays on loopback and ends within about 3 minutes.
set -euo pipefail

count="${1:-2000}"
interval="${2:-5000}"
shift $(( $# > 2 ? 2 : $# ))
if ! [[ "$count" =~ ^[0-9]+$ && "$count" -ge 1 && "$count" -le 5000 && "$interval" =~ ^[0-9]+$ && "$interval" -ge 10 ]]; then
  echo "usage: scripts/slow-upgrade-attack.sh [COUNT (1-5000) [INTERVAL_MS (at least 10) [serve options...]]]" >&2
  exit 2
fi
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

# Both ends of every connection live on this machine, plus the server's own files.
needed=$(( 2 * count + 1000 ))
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt "$needed" ]]; then
  ulimit -n "$needed" 2>/dev/null || {
    echo "this needs ulimit -n of at least $needed (both ends of $count connections); the hard limit is $(ulimit -Hn)" >&2
    exit 2
  }
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$root/longlink" rules > /dev/null   # builds the CLI jar on first use
secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LONGLINK_JWT_SECRET="$secret" "$root/longlink" serve --host 127.0.0.1 --port 0 "$@" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'ws://127\.0\.0\.1:[0-9]*/ws' "$work/server.out" || true)"
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "the server did not start within 30 s" >&2; exit 1; }
echo "server $url (ulimit -n $(ulimit -n))"

java "$root/scripts/SlowUpgradeAttack.java" "$url" "$secret" "$count" "$interval" > "$work/attack.out" 2>&1 &
attack_pid=$!
peak=0
while kill -0 "$attack_pid" 2>/dev/null; do
  fds="$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l)"
  (( fds > peak )) && peak=$fds
  sleep 0.2
done
wait "$attack_pid" || { cat "$work/attack.out" >&2; exit 1; }
cat "$work/attack.out"
echo "server file descriptors at the peak: $peak"
metrics="http${url#ws}"
curl -s "${metrics%/ws}/metrics" | grep -E '^longlink_(upgrade_timeouts_total|unauthenticated_connections|unauthenticated_refused_total)[ {]' \
  | sed 's/^/  /' || true
echo "  (the /metrics request is itself one of the connections without a session)"
echo "server log lines: $(wc -l < "$work/server.err"), of them WARN: $(grep -c WARN "$work/server.err" || true), stack-trace lines: $(grep -c '^[[:space:]]*at ' "$work/server.err" || true)"
