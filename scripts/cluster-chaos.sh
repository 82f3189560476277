#!/usr/bin/env bash
# A cluster under chaos, with a node killed mid-run: a Redis store (append-only, fsync on every
# write), NODES reference server nodes sharing it (`longlink serve --store redis://...`), and
# `longlink load` spreading its users over the nodes while it drops connections and, KILL_AFTER
# seconds into the measured part, sends SIGKILL to node KILL_NODE. Prints the load report and
# exits 0 only when the run kept its promise: 0 lost, 0 duplicated, every user connected, and the
# node was killed. Everything it starts is stopped on the way out.
#
#   scripts/cluster-chaos.sh [OUT_DIR]        logs, the Redis data and report.json go to OUT_DIR
#
# Environment (defaults in brackets): NODES [3], KILL_NODE [2] (1-based), CONNECTIONS [300],
# RATE [200] chats/s, DURATION [30] s, WARMUP [5] s, CHAOS [0.01], KILL_AFTER [10] s into the
# measured part, DRAIN [20] s, LONGLINK [the repository's ./longlink; e.g. "java -jar
# cli/target/longlink.jar"], REDIS_SERVER [redis-server], SERVE_OPTS and LOAD_OPTS (more options
# for each node and for the load), START_WITHIN [60] s for each process to listen,
# LONGLINK_JWT_SECRET [a random one] (the nodes verify tokens with it, the load mints them).
# STORE=memory starts no Redis and gives the nodes no --store: independent in-memory nodes, which
# check the plumbing (ports, health, placement, the kill) but lose every chat between two nodes,
# so that run is BROKEN by design.
#
# Exit codes: 0 kept; 1 lost, duplicated or otherwise broken (or no kill); 2 a tool missing or a
# process that did not start.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:-$(mktemp -d /tmp/cluster-chaos.XXXXXX)}"
nodes="${NODES:-3}"
kill_node="${KILL_NODE:-2}"
connections="${CONNECTIONS:-300}"
rate="${RATE:-200}"
duration="${DURATION:-30}"
warmup="${WARMUP:-5}"
chaos="${CHAOS:-0.01}"
kill_after="${KILL_AFTER:-10}"
drain="${DRAIN:-20}"
start_within="${START_WITHIN:-60}"
store="${STORE:-redis}"
redis_server="${REDIS_SERVER:-redis-server}"
read -r -a longlink <<< "${LONGLINK:-$root/longlink}"
read -r -a serve_opts <<< "${SERVE_OPTS:-}"
read -r -a load_opts <<< "${LOAD_OPTS:-}"
mkdir -p "$out"

say() { echo "cluster-chaos: $*" >&2; }

if (( nodes < 2 || kill_node < 1 || kill_node > nodes )); then
  say "NODES=$nodes and KILL_NODE=$kill_node: give at least 2 nodes and a KILL_NODE from 1 to NODES"
  exit 2
fi
if [[ "$store" != redis && "$store" != memory ]]; then
  say "STORE=$store: give redis (default) or memory"
  exit 2
fi
if [[ "$store" == redis ]] && ! command -v "$redis_server" > /dev/null; then
  say "$redis_server is not on PATH: install Redis (e.g. apt-get install redis-server) or set REDIS_SERVER"
  exit 2
fi
# shellcheck source=lib/loopback.sh
source "$root/scripts/lib/loopback.sh"
ensure_jwt_secret
pids=()
stop_all() {
  stop_pids "${pids[@]}"
  wait 2> /dev/null || true
}
trap stop_all EXIT

# healthy PORT PATH: an HTTP GET of PATH answers 200 (or, for Redis, PING answers PONG).
healthy() {
  local port="$1" path="$2" status
  if [[ "$path" == PING ]]; then
    status="$(timeout 2 bash -c "exec 3<> /dev/tcp/127.0.0.1/$port && printf 'PING\r\n' >&3 && head -c 5 <&3" 2> /dev/null)" || return 1
    [[ "$status" == "+PONG" ]]
  else
    status="$(timeout 2 bash -c "exec 3<> /dev/tcp/127.0.0.1/$port && printf 'GET $path HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -n 1 <&3" 2> /dev/null)" || return 1
    [[ "$status" == *" 200 "* ]]
  fi
}

# await NAME PID PORT PATH: waits, at most START_WITHIN seconds, until the process answers there.
await() {
  local name="$1" pid="$2" port="$3" path="$4" deadline=$((SECONDS + start_within))
  until healthy "$port" "$path"; do
    if ! kill -0 "$pid" 2> /dev/null; then
      say "$name exited before it listened on port $port; the end of $out/$name.log:"
      tail -n 20 "$out/$name.log" >&2
      if grep -q "Unknown option.*--store" "$out/$name.log"; then
        say "this build's \`longlink serve\` has no --store yet; STORE=memory checks the rest without a shared store"
      fi
      exit 2
    fi
    if (( SECONDS >= deadline )); then
      say "$name did not answer on port $port within ${start_within} s; the end of $out/$name.log:"
      tail -n 20 "$out/$name.log" >&2
      exit 2
    fi
    sleep 0.2
  done
}

# One build, if the launcher needs one, before the nodes start: three at once would build three times.
"${longlink[@]}" --version > /dev/null

store_opts=()
if [[ "$store" == redis ]]; then
  redis_port="$(free_port)"
  mkdir -p "$out/redis"
  "$redis_server" --bind 127.0.0.1 --port "$redis_port" --appendonly yes --appendfsync always --dir "$out/redis" \
    --save '' > "$out/redis.log" 2>&1 &
  pids+=("$!")
  await redis "$!" "$redis_port" PING
  store_opts=(--store "redis://127.0.0.1:$redis_port")
  say "Redis on 127.0.0.1:$redis_port (append-only, fsync always), data in $out/redis"
else
  say "STORE=memory: independent in-memory nodes; chats between two nodes are lost, the run is BROKEN by design"
fi

urls=()
node_pids=()
for i in $(seq 1 "$nodes"); do
  port="$(free_port)"
  "${longlink[@]}" serve "${store_opts[@]}" --host 127.0.0.1 --port "$port" "${serve_opts[@]}" > "$out/node$i.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  node_pids+=("$pid")
  await "node$i" "$pid" "$port" /healthz
  urls+=("ws://127.0.0.1:$port/ws")
  say "node $i on ${urls[-1]} (pid $pid)"
done

node_args=()
for url in "${urls[@]:1}"; do node_args+=(--node "$url"); done
victim="${node_pids[$((kill_node - 1))]}"
set +e
"${longlink[@]}" load "${urls[0]}" "${node_args[@]}" --connections "$connections" --rate "$rate" --duration "$duration" \
  --warmup "$warmup" --chaos "$chaos" --drain "$drain" --kill-after "$kill_after" --kill-pid "$victim" \
  --report "$out/report.json" "${load_opts[@]}" 2>&1 | tee "$out/load.txt"
load_exit="${PIPESTATUS[0]}"
set -e

if [[ ! -s "$out/report.json" ]]; then
  say "the load wrote no report (exit $load_exit); its output is in $out/load.txt"
  exit 2
fi
# The JSON is Jackson's, indented: the report's own fields are the ones at four spaces.
field() { sed -n "s/^    \"$1\" : \\(.*\\),\$/\\1/p" "$out/report.json" | head -n 1; }
lost="$(field lost)"
duplicated="$(field duplicated)"
verdict="$(sed -n 's/^  "verdict" : "\(.*\)",$/\1/p' "$out/report.json")"
killed="$(grep -c '^  kill         SIGKILL to pid' "$out/load.txt" || true)"
summary="$lost lost, $duplicated duplicated over $nodes nodes, node $kill_node (pid $victim) killed $kill_after s in; report $out/report.json"
if [[ "$killed" == 0 ]]; then
  say "BROKEN: node $kill_node was never killed, so the run proves nothing of a kill; $summary"
  exit 1
fi
if [[ "$lost" != 0 || "$duplicated" != 0 || "$verdict" != KEPT ]]; then
  say "${verdict:-BROKEN} (load exit $load_exit): $summary"
  exit 1
fi
say "KEPT: $summary"
