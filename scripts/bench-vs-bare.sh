#!/usr/bin/env bash
# The reference server against the bare stack it is built on, in one run, on this machine:
# `longlink serve` and `longlink baseline` run as processes of their own with the same JVM
# options, and `longlink load` puts the same plan on each, one after the other, reading each
# server's CPU and memory from the kernel (--server-pid). Prints one markdown table per part, the
# ratio of the two in the last column; keeps every JSON report in the output folder.
#
#   scripts/bench-vs-bare.sh [OUT_DIR] [PART...]     parts: direct rooms mixed idle (default: all)
#
# Environment: RATES (direct chats a second to sweep, default "500 1000 2000 4000 8000"),
# CONNECTIONS (default 1000), SECONDS_EACH (measured seconds per step, default 15), WARMUP
# (default 10), IDLE (connections of the idle part, default 10000), SERVER_JVM (JVM options of
# both servers, default "-Xms1g -Xmx1g"), JAR (the longlink jar that loads, default
# cli/target/longlink.jar), SERVER_JAR (the one that serves, default JAR: give an older build's to
# measure a server change before and after with the same load generator), SERVER_CPUS and LOAD_CPUS
# (taskset CPU lists, e.g. 1 and 0: the servers on one core, the generator on the other, so that
# the generator's cost does not pass for the server's; default: no pinning).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:-$(mktemp -d /tmp/bench-vs-bare.XXXXXX)}"
shift || true
parts="${*:-direct rooms mixed idle}"
rates="${RATES:-500 1000 2000 4000 8000}"
connections="${CONNECTIONS:-1000}"
each="${SECONDS_EACH:-15}"
warmup="${WARMUP:-10}"
idle="${IDLE:-10000}"
jvm="${SERVER_JVM:--Xms1g -Xmx1g}"
jar="${JAR:-$root/cli/target/longlink.jar}"
server_jar="${SERVER_JAR:-$jar}"
server_pin=()
load_pin=()
[[ -n "${SERVER_CPUS:-}" ]] && server_pin=(taskset -c "$SERVER_CPUS")
[[ -n "${LOAD_CPUS:-}" ]] && load_pin=(taskset -c "$LOAD_CPUS")
mkdir -p "$out"
export LONGLINK_JWT_SECRET="${LONGLINK_JWT_SECRET:-bench-0123456789abcdef0123456789abcdef}"

if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -q -B install -DskipTests)
fi
for tool in java jcmd python3; do
  command -v "$tool" > /dev/null || { echo "bench-vs-bare.sh needs $tool on PATH" >&2; exit 2; }
done

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap stop_all EXIT

# start NAME ARGS...: starts a server process, waits (with a deadline) until it listens.
start() {
  local name="$1"; shift
  # shellcheck disable=SC2086
  "${server_pin[@]}" java $jvm -jar "$server_jar" "$@" > "$out/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    if grep -q "listening on" "$out/$name.log"; then
      echo "$pid"
      return
    fi
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.2
  done
  echo "$name did not start; its log:" >&2
  cat "$out/$name.log" >&2
  exit 2
}

ref_pid=$(start reference serve --host 127.0.0.1 --port 18080)
pids+=("$ref_pid")
bare_pid=$(start bare baseline --host 127.0.0.1 --port 18081)
pids+=("$bare_pid")
ref_url=ws://127.0.0.1:18080/ws
bare_url=ws://127.0.0.1:18081/bare

# load NAME STACK ARGS...: one run against the reference (STACK=ref) or the bare stack (STACK=bare).
load() {
  local name="$1" stack="$2"; shift 2
  if [[ "$stack" == ref ]]; then
    "${load_pin[@]}" java -jar "$jar" load "$ref_url" --server-pid "$ref_pid" --report "$out/$name.json" "$@" > "$out/$name.txt" 2>&1 || true
  else
    "${load_pin[@]}" java -jar "$jar" load "$bare_url" --bare --server-pid "$bare_pid" --report "$out/$name.json" "$@" > "$out/$name.txt" 2>&1 || true
  fi
  [[ -s "$out/$name.json" ]] || { echo "load $name wrote no report:" >&2; tail -20 "$out/$name.txt" >&2; exit 1; }
}

# row LABEL REF_JSON BARE_JSON FIELD: a table row of latencies and CPU per chat, with ratios.
row() {
  python3 - "$@" <<'EOF'
import json, sys
label, ref, bare, field = sys.argv[1:5]
r = json.load(open(ref))["report"]; b = json.load(open(bare))["report"]
def ratio(x, y):
    return f"{x / y:.1f}×" if y > 0 and x >= 0 else "n/a"
rl, bl = r[field], b[field]
rc, bc = r["cost"]["serverCpuMicrosPerChat"], b["cost"]["serverCpuMicrosPerChat"]
kept = " / ".join(json.load(open(f)).get("verdict", "KEPT" if json.load(open(f))["kept"] else "BROKEN").lower()
                 for f in (ref, bare))
print(f"| {label} | {rl['p50']:.2f} / {rl['p99']:.2f} / {rl['max']:.1f} | {bl['p50']:.2f} / {bl['p99']:.2f} / {bl['max']:.1f} "
      f"| {ratio(rl['p50'], bl['p50'])} / {ratio(rl['p99'], bl['p99'])} | {rc:.0f} | {bc:.0f} | {ratio(rc, bc)} | {kept} |")
EOF
}

header() {
  echo
  echo "$1"
  echo
  echo "| step | reference $2 p50 / p99 / max ms | bare p50 / p99 / max ms | ratio p50 / p99 | reference µs CPU a chat | bare µs CPU a chat | ratio | promise |"
  echo "|---|---|---|---|---|---|---|---|"
}

for part in $parts; do
  case "$part" in
    direct)
      header "Direct chats, $connections connections: ack (reference) vs echo (bare) round trip" ack
      for rate in $rates; do
        for stack in ref bare; do
          load "direct-$rate-$stack" "$stack" --connections "$connections" --rate "$rate" --duration "$each" --warmup "$warmup"
        done
        row "$rate/s" "$out/direct-$rate-ref.json" "$out/direct-$rate-bare.json" ack
      done
      python3 - "$out" $rates <<'EOF'
import json, sys
out, rates = sys.argv[1], sys.argv[2:]
def best(stack):
    def fine(r):
        run = json.load(open(f"{out}/direct-{r}-{stack}.json"))
        ack = run["report"]["ack"]
        return run["kept"] and ack["count"] > 0 and ack["p99"] < 10
    ok = [int(r) for r in rates if fine(r)]
    return max(ok) if ok else 0
r, b = best("ref"), best("bare")
print(f"\nHighest swept rate with p99 < 10 ms: reference {r}/s, bare {b}/s"
      + (f" (bare/reference {b / r:.1f}×)" if r else ""))
EOF
      ;;
    rooms)
      header "Room chats: delivery to every other member" delivery
      for size in 100 1000; do
        rate=$(( size == 100 ? 20 : 2 ))
        for stack in ref bare; do
          load "room-$size-$stack" "$stack" --connections "$size" --room-size "$size" --rate "$rate" \
            --duration "$each" --warmup "$warmup"
        done
        row "room of $size, $rate chats/s" "$out/room-$size-ref.json" "$out/room-$size-bare.json" delivery
      done
      ;;
    mixed)
      # Other users' direct chats, alone and beside one room chat a second to 1,000 members.
      echo
      echo "Direct chats of $connections other users at 500/s, alone and beside a room of 1,000 at 1 chat/s (reference only)"
      echo
      echo "| figure | p50 / p99 / max ms | p50 / p99 / max ms | ratio p50 / p99 | | | | promise |"
      echo "|---|---|---|---|---|---|---|---|"
      load mixed-alone ref --connections "$connections" --rate 500 --duration "$each" --warmup "$warmup"
      java -jar "$jar" load "$ref_url" --connections 1000 --room-size 1000 --rate 1 --duration $((each + warmup + 10)) \
        --warmup 0 --report "$out/mixed-room.json" > "$out/mixed-room.txt" 2>&1 &
      room_load=$!
      # The room's users connect and join first; the direct run starts once the room is sending.
      for _ in $(seq 1 600); do grep -q " send " "$out/mixed-room.txt" 2> /dev/null && break; sleep 0.1; done
      load mixed-beside ref --connections "$connections" --rate 500 --duration "$each" --warmup "$warmup"
      wait "$room_load" || true
      python3 - "$out" <<'EOF'
import json, sys
out = sys.argv[1]
a, b, room = (json.load(open(f"{out}/mixed-{n}.json")) for n in ("alone", "beside", "room"))
la, lb, lr = a["report"]["ack"], b["report"]["ack"], room["report"]["delivery"]
print(f"| direct chats' ack | alone {la['p50']:.2f} / {la['p99']:.2f} / {la['max']:.1f} | beside the room "
      f"{lb['p50']:.2f} / {lb['p99']:.2f} / {lb['max']:.1f} | {lb['p50'] / la['p50']:.1f}× / {lb['p99'] / la['p99']:.1f}× "
      f"| room delivery {lr['p50']:.1f} / {lr['p99']:.1f} ms | | | "
      f"{'kept' if a['kept'] and b['kept'] and room['kept'] else '**BROKEN**'} |")
EOF
      ;;
    idle)
      echo
      echo "Idle connections: heap after a full GC and RSS, per connection, at $idle connections"
      echo
      echo "| server | heap before | heap at $idle | bytes a connection | RSS before | RSS at $idle | RSS bytes a connection |"
      echo "|---|---|---|---|---|---|---|"
      for stack in ref bare; do
        pid=$([[ "$stack" == ref ]] && echo "$ref_pid" || echo "$bare_pid")
        heap() { jcmd "$pid" GC.run > /dev/null; jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'; }
        rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
        h0=$(heap); r0=$(rss)
        if [[ "$stack" == ref ]]; then
          java -jar "$jar" load "$ref_url" --connections "$idle" --rate 1 --duration 1 --warmup 0 --hold 30 > "$out/idle-$stack.txt" 2>&1 &
        else
          java -jar "$jar" load "$bare_url" --bare --connections "$idle" --rate 1 --duration 1 --warmup 0 --hold 30 > "$out/idle-$stack.txt" 2>&1 &
        fi
        holder=$!
        for _ in $(seq 1 1800); do grep -q " hold " "$out/idle-$stack.txt" 2> /dev/null && break; sleep 0.1; done
        h1=$(heap); r1=$(rss)
        wait "$holder" || true
        n=$(grep -oE 'connections +[0-9]+ of' "$out/idle-$stack.txt" | grep -oE '[0-9]+' | head -1)
        echo "| $stack | ${h0} KB | ${h1} KB | $(( (h1 - h0) * 1024 / n )) | ${r0} KB | ${r1} KB | $(( (r1 - r0) * 1024 / n )) |"
      done
      ;;
    *) echo "unknown part $part; give direct, rooms, mixed or idle" >&2; exit 2 ;;
  esac
done
echo
echo "Reports and logs: $out (machine load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
