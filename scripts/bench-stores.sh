#!/usr/bin/env bash
# The load benchmark against the stores a reference server can keep its state in, in one run:
# the bare stack (`longlink baseline`, the ratio's base), 1 node in memory, 1 node on Redis and
# NODES nodes sharing that Redis (`serve --store redis://...`). The same load for each: CONNECTIONS
# users sending direct chats at each of RATES for DURATION s after WARMUP s. The CPU of every
# server-side process (the nodes, and Redis when there is one) in the measured part is summed
# (`load --server-pid`, repeatable), so that a cluster's cost counts all of it; a first run of
# each, not measured, warms the JIT. The bare stack's "ack" is its echo; it has no delivery.
# Prints one markdown table; the JSON
# report of every run stays in OUT_DIR.
#
#   scripts/bench-stores.sh [OUT_DIR]
#
# Environment (defaults in brackets): NODES [3], CONNECTIONS [300], RATES ["250 500"] chats/s,
# DURATION [15] s, WARMUP [5] s, FSYNC [always] (Redis appendfsync: always, everysec or no),
# LONGLINK [the repository's ./longlink], REDIS_SERVER [redis-server], START_WITHIN [60] s.
#
# Exit codes: 0 measured (a run that lost or duplicated is shown in the table, not hidden); 2 a tool
# missing or a process that did not start.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:-$(mktemp -d /tmp/bench-stores.XXXXXX)}"
nodes="${NODES:-3}"
connections="${CONNECTIONS:-300}"
read -r -a rates <<< "${RATES:-250 500}"
duration="${DURATION:-15}"
warmup="${WARMUP:-5}"
fsync="${FSYNC:-always}"
start_within="${START_WITHIN:-60}"
redis_server="${REDIS_SERVER:-redis-server}"
read -r -a longlink <<< "${LONGLINK:-$root/longlink}"
mkdir -p "$out"

say() { echo "bench-stores: $*" >&2; }

for tool in jq "$redis_server"; do
  if ! command -v "$tool" > /dev/null; then
    say "$tool is not on PATH: install it (apt-get install jq redis-server), or set REDIS_SERVER"
    exit 2
  fi
done
if [[ "$fsync" != always && "$fsync" != everysec && "$fsync" != no ]]; then
  say "FSYNC=$fsync: give always, everysec or no (Redis appendfsync)"
  exit 2
fi
# shellcheck source=lib/loopback.sh
source "$root/scripts/lib/loopback.sh"
ensure_jwt_secret
pids=()
stop() { stop_pids "$@"; }
trap 'stop "${pids[@]}"; wait 2> /dev/null || true' EXIT

# await NAME PID PORT: waits, at most START_WITHIN seconds, until the process accepts connections.
await() {
  local deadline=$((SECONDS + start_within))
  until listening "$3"; do
    if ! kill -0 "$2" 2> /dev/null || (( SECONDS >= deadline )); then
      say "$1 did not listen on port $3 within ${start_within} s; the end of $out/$1.log:"
      tail -n 20 "$out/$1.log" >&2
      exit 2
    fi
    sleep 0.2
  done
}

"${longlink[@]}" --version > /dev/null

# start_redis: a fresh Redis with the chosen fsync, for the runs that need one.
start_redis() {
  redis_port="$(free_port)"
  rm -rf "$out/redis" && mkdir -p "$out/redis"
  "$redis_server" --bind 127.0.0.1 --port "$redis_port" --appendonly yes --appendfsync "$fsync" --save '' \
    --dir "$out/redis" > "$out/redis.log" 2>&1 &
  redis_pid=$!
  pids+=("$redis_pid")
  await redis "$redis_pid" "$redis_port"
}

# start_nodes N [STORE_OPTS...]: N reference-server nodes; sets urls and node_pids.
start_nodes() {
  local n="$1" i port pid
  shift
  urls=()
  node_pids=()
  for i in $(seq 1 "$n"); do
    port="$(free_port)"
    "${longlink[@]}" serve "$@" --host 127.0.0.1 --port "$port" > "$out/node$i.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    node_pids+=("$pid")
    await "node$i" "$pid" "$port"
    urls+=("ws://127.0.0.1:$port/ws")
  done
}

rows=()
# measure NAME URL CPU_PIDS LOAD_OPTS...: one load run per rate; a table row each.
measure() {
  local name="$1" url="$2" pid rate report
  local -a cost=()
  for pid in $3; do cost+=(--server-pid "$pid"); done
  shift 3
  # A run that is not measured first: the JIT's work and the first connections stay out of the CPU per chat.
  "${longlink[@]}" load "$url" "$@" --connections "$connections" --rate "${rates[0]}" --duration 5 --warmup 1 \
    > "$out/$name-prime.txt" 2>&1 || true
  for rate in "${rates[@]}"; do
    report="$out/$name-$rate.json"
    "${longlink[@]}" load "$url" "$@" "${cost[@]}" --connections "$connections" --rate "$rate" --duration "$duration" \
      --warmup "$warmup" --report "$report" > "$out/$name-$rate.txt" 2>&1 || true
    if [[ ! -s "$report" ]]; then
      say "$name at $rate/s wrote no report; see $out/$name-$rate.txt"
      exit 2
    fi
    rows+=("$(jq -r --arg name "$name" --arg rate "$rate" '.report as $r
      | [$name, $rate, .verdict, ($r.ack.p50|tostring), ($r.ack.p99|tostring),
         (if $name == "bare" then "—" else ($r.delivery.p50|tostring) end),
         (if $name == "bare" then "—" else ($r.delivery.p99|tostring) end), ($r.lost|tostring), ($r.duplicated|tostring),
         ($r.cost.serverCpuMicrosPerChat | floor | tostring)] | join(" | ")' "$report")")
    say "$name at $rate/s: ${rows[-1]}"
  done
}

baseline_port="$(free_port)"
"${longlink[@]}" baseline --port "$baseline_port" > "$out/baseline.log" 2>&1 &
baseline_pid=$!
pids+=("$baseline_pid")
await baseline "$baseline_pid" "$baseline_port"
measure bare "ws://127.0.0.1:$baseline_port/bare" "$baseline_pid" --bare
stop "$baseline_pid"

start_nodes 1
measure memory "${urls[0]}" "${node_pids[*]}"
stop "${node_pids[@]}"

start_redis
start_nodes 1 --store "redis://127.0.0.1:$redis_port"
measure redis-1 "${urls[0]}" "${node_pids[*]} $redis_pid"
stop "${node_pids[@]}" "$redis_pid"

start_redis
start_nodes "$nodes" --store "redis://127.0.0.1:$redis_port"
node_args=()
for url in "${urls[@]:1}"; do node_args+=(--node "$url"); done
measure "redis-$nodes" "${urls[0]}" "${node_pids[*]} $redis_pid" "${node_args[@]}"

echo
echo "$connections connections, direct chats, ${duration} s after ${warmup} s warm-up; Redis appendfsync $fsync;" \
  "CPU of every server-side process (nodes and Redis) in the measured part, per chat sent"
echo
echo "| store | rate/s | verdict | ack p50 ms | ack p99 ms | delivery p50 ms | delivery p99 ms | lost | dup | server µs CPU a chat |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do echo "| $row |"; done
echo
say "reports in $out"
